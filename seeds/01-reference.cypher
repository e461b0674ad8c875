// Reference data: countries (ISO 3166-1 alpha-2 codes are their ids), data categories
// (named after HIBP data classes and VERIS data varieties where one clearly matches) and the
// publishers of the sources. Idempotent: MERGE on ids under uniqueness constraints.

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
  {id: 'azzet', name: 'Azzet', country: null},
  {id: 'yonhap', name: 'Yonhap News Agency', country: 'KR', aliases: ['Yonhap']},
  {id: 'dong-a-ilbo', name: 'Dong-A Ilbo', country: 'KR', aliases: ['The Dong-A Ilbo']},
  {id: 'voice7-news', name: 'Voice7 News', country: null, aliases: ['V7N']},
  {id: 'korea-herald', name: 'The Korea Herald', country: 'KR'},
  {id: 'menafn', name: 'MENAFN', country: null},
  {id: 'phonearena', name: 'PhoneArena', country: null},
  {id: 'databreaches-net', name: 'DataBreaches.net', country: null},
  {id: 'kbs', name: 'KBS', country: 'KR', aliases: ['Korean Broadcasting System']},
  {id: 'cambodia-tribune', name: 'Cambodia Tribune', country: null},
  {id: 'meta-connects', name: 'Meta-Connects', country: null},
  {id: 'korea-joongang-daily', name: 'Korea JoongAng Daily', country: 'KR'},
  {id: 'brodies', name: 'Brodies', country: 'GB'},
  {id: 'tlt', name: 'TLT', country: 'GB'},
  {id: 'cfpb-newsroom', name: 'Consumer Financial Protection Bureau newsroom', country: 'US'},
  {id: 'npr', name: 'NPR', country: 'US'}
] AS p
MERGE (n:Publisher:Entity {id: p.id})
SET n.name = p.name, n.aliases = coalesce(p.aliases, [])
WITH n, p WHERE p.country IS NOT NULL
MATCH (c:Country {id: p.country})
MERGE (n)-[:IN_COUNTRY]->(c);
