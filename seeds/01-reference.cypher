// Reference data: countries (ISO 3166-1 alpha-2 codes are their ids), data categories
// (named after HIBP data classes and VERIS data varieties where one clearly matches) and the
// publishers of the sources. Idempotent: MERGE on ids under uniqueness constraints.
// Publishers carry the names the sources use; no source gives their countries, so none is set.

UNWIND [
  {id: 'KR', name: 'South Korea'},
  {id: 'CN', name: 'China'},
  {id: 'GB', name: 'United Kingdom'},
  {id: 'US', name: 'United States'}
] AS c
MERGE (n:Country:Entity {id: c.id})
SET n.name = c.name;

UNWIND [
  {id: 'name', name: 'Name', hibp: 'Names', veris: 'Personal'},
  {id: 'email-address', name: 'Email address', hibp: 'Email addresses', veris: 'Personal'},
  {id: 'phone-number', name: 'Phone number', hibp: 'Phone numbers', veris: 'Personal'},
  {id: 'physical-address', name: 'Postal or shipping address', hibp: 'Physical addresses', veris: 'Personal'},
  {id: 'date-of-birth', name: 'Date of birth', hibp: 'Dates of birth', veris: 'Personal'},
  {id: 'order-history', name: 'Order history', hibp: 'Purchases', veris: 'Personal'},
  {id: 'user-id', name: 'User ID', hibp: 'Usernames', veris: 'Personal'},
  {id: 'payment-details', name: 'Payment details', hibp: null, veris: 'Payment'},
  {id: 'payment-card-number', name: 'Payment card number', hibp: 'Credit cards', veris: 'Payment'},
  {id: 'card-security-code', name: 'Card security code (CVV)', hibp: 'Credit card CVV', veris: 'Payment'},
  {id: 'login-credentials', name: 'Login credentials', hibp: 'Passwords', veris: 'Credentials'},
  {id: 'imsi', name: 'IMSI (subscriber identity)', hibp: null, veris: null},
  {id: 'usim-number', name: 'USIM number', hibp: null, veris: null},
  {id: 'social-security-number', name: 'Social Security number', hibp: 'Social security numbers', veris: 'Personal'},
  {id: 'drivers-licence-number', name: "Driver's licence number", hibp: "Driver's licenses", veris: 'Personal'}
] AS d
MERGE (n:DataCategory:Entity {id: d.id})
SET n.name = d.name, n.hibpClass = d.hibp, n.verisVariety = d.veris;

UNWIND [
  {id: 'azzet', name: 'Azzet'},
  {id: 'yonhap', name: 'Yonhap News Agency', aliases: ['Yonhap']},
  {id: 'dong-a-ilbo', name: 'Dong-A Ilbo'},
  {id: 'voice7-news', name: 'Voice7 News', aliases: ['V7N']},
  {id: 'korea-herald', name: 'The Korea Herald'},
  {id: 'menafn', name: 'MENAFN'},
  {id: 'phonearena', name: 'PhoneArena'},
  {id: 'databreaches-net', name: 'DataBreaches.net'},
  {id: 'kbs', name: 'KBS'},
  {id: 'cambodia-tribune', name: 'Cambodia Tribune'},
  {id: 'meta-connects', name: 'Meta-Connects'},
  {id: 'korea-joongang-daily', name: 'Korea JoongAng Daily'},
  {id: 'brodies', name: 'Brodies'},
  {id: 'tlt', name: 'TLT'},
  {id: 'cfpb-newsroom', name: 'CFPB newsroom'},
  {id: 'npr', name: 'NPR'}
] AS p
MERGE (n:Publisher:Entity {id: p.id})
SET n.name = p.name, n.aliases = coalesce(p.aliases, []);

// Retracted: the countries earlier versions of this file gave these publishers with no source.
UNWIND ['yonhap', 'dong-a-ilbo', 'korea-herald', 'kbs', 'korea-joongang-daily', 'brodies', 'tlt', 'cfpb-newsroom', 'npr'] AS id
MATCH (:Publisher {id: id})-[r:IN_COUNTRY]->(:Country)
DELETE r;
