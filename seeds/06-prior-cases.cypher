// Earlier cases from the reference material: LG Uplus (2023), Kakao (2024), British Airways and
// Marriott (UK, 2020), Equifax (US, 2019), and the earlier PIPC records cited by MENAFN and Yonhap.

UNWIND [
  {id: 'lg-uplus-breach-2023', company: 'lg-uplus', country: 'KR', title: 'LG Uplus data breach',
   summary: 'Personal data of 297,117 individuals leaked from LG Uplus’s customer authentication system (CAS); about 600,000 records were exposed on an illegal marketplace.',
   accessStart: '2018-06', accessStartAsReported: 'around June 2018', attackVector: 'Leak from the customer authentication system (CAS)',
   disclosedOn: '2023-01', disclosedOnAsReported: 'It was reported in January 2023 that LG U+ had been hit by a hacking attack'},
  {id: 'kakao-open-chat-leak', company: 'kakao', country: 'KR', title: 'Kakao open-chat personal data leak',
   summary: 'Personal data of about 65,000 users of Kakao’s open chat rooms leaked; ad hoc IDs were not encrypted.',
   attackVector: 'Ad hoc IDs were not encrypted', disclosedOn: '2023-03', disclosedOnAsReported: 'media reports in March 2023'},
  {id: 'british-airways-breach-2018', company: 'british-airways', country: 'GB', title: 'British Airways data breach (2018)',
   summary: 'An attack from June to September 2018 affected around 400,000 customers and staff, exposing names, addresses, payment card numbers and CVV numbers of around 250,000 customers.',
   accessStart: '2018-06', accessEnd: '2018-09'},
  {id: 'marriott-starwood-breach', company: 'marriott', country: null, title: 'Marriott / Starwood data breach',
   summary: 'An attack on Starwood systems from 2014, found in 2018, exposed 339 million guest records (30.1 million of EEA residents, 7 million in the UK).',
   accessStart: '2014', discoveredOn: '2018'},
  {id: 'equifax-breach-2017', company: 'equifax', country: 'US', title: 'Equifax data breach (2017)',
   summary: 'About 147 million consumers affected; Social Security numbers, birth dates, addresses and some driver’s licence numbers exposed.',
   attackVector: 'Equifax failed to patch its systems after an alert in March 2017 (per the FTC)',
   // NPR: "a massive 2017 data breach"; the FTC: it "didn't discover that its database was
   // unpatched until four months later" than the alert of March 2017, that is in July 2017.
   accessStart: '2017', accessStartAsReported: 'a massive 2017 data breach',
   discoveredOn: '2017-07', discoveredOnAsReported: 'did not discover that its database was unpatched until four months after the alert of March 2017, when it detected suspicious traffic (per the FTC)'}
] AS x
MERGE (i:Incident:Entity {id: x.id})
SET i.title = x.title, i.kind = 'DATA_BREACH', i.summary = x.summary, i.accessStart = x.accessStart,
    i.accessStartAsReported = x.accessStartAsReported, i.accessEnd = x.accessEnd, i.discoveredOn = x.discoveredOn,
    i.discoveredOnAsReported = x.discoveredOnAsReported,
    i.attackVector = x.attackVector, i.disclosedOn = x.disclosedOn, i.disclosedOnAsReported = x.disclosedOnAsReported
WITH i, x
MATCH (c:Company {id: x.company})
MERGE (i)-[:AFFECTED]->(c)
WITH i, x
// The Marriott case is known here only through a UK fine: its incident has no country.
OPTIONAL MATCH (k:Country {id: x.country})
FOREACH (_ IN CASE WHEN k IS NULL THEN [] ELSE [1] END | MERGE (i)-[:IN_COUNTRY]->(k));

UNWIND [
  {incident: 'lg-uplus-breach-2023', source: 'pipc-lguplus-2023-07-12', attribution: 'PIPC press release', attributedTo: 'pipc',
   categories: ['phone-number', 'name', 'physical-address', 'date-of-birth', 'email-address', 'user-id', 'usim-number']},
  {incident: 'british-airways-breach-2018', source: 'brodies-ba-marriott',
   categories: ['name', 'physical-address', 'payment-card-number', 'card-security-code']},
  {incident: 'equifax-breach-2017', source: 'npr-2019-07-22',
   categories: ['social-security-number', 'date-of-birth', 'physical-address', 'drivers-licence-number']}
] AS x
UNWIND x.categories AS cat
MATCH (i:Incident {id: x.incident}), (d:DataCategory {id: cat}), (s:Source {id: x.source})
MERGE (e:DataExposure:Entity {id: x.incident + '--' + cat})
SET e.exposed = true
MERGE (i)-[:HAS_EXPOSURE]->(e)
MERGE (e)-[:OF_CATEGORY]->(d)
MERGE (e)-[r:SOURCED_FROM {claim: 'general'}]->(s)
SET r.about = [], r.attribution = x.attribution, r.attributedTo = x.attributedTo;

// The PIPC release of 12 July 2023 dates the LG Uplus figures' report, not the figures: reportedOn.
UNWIND [
  {id: 'lg-uplus-breach-2023-affected', incident: 'lg-uplus-breach-2023', metric: 'AFFECTED', value: 297117, qualifier: 'EXACT', unit: 'individuals', reportedOn: '2023-07-12'},
  {id: 'lg-uplus-breach-2023-records', incident: 'lg-uplus-breach-2023', metric: 'RECORDS_EXPOSED', value: 600000, qualifier: 'ABOUT', unit: 'records', reportedOn: '2023-07-12',
   note: 'About 300,000 after removing duplicates.'},
  {id: 'lg-uplus-breach-2023-data-types', incident: 'lg-uplus-breach-2023', metric: 'DATA_TYPES', value: 26, qualifier: 'EXACT', unit: 'types of data', reportedOn: '2023-07-12'},
  {id: 'kakao-open-chat-leak-affected-about', incident: 'kakao-open-chat-leak', metric: 'AFFECTED', value: 65000, qualifier: 'ABOUT', unit: 'users'},
  {id: 'kakao-open-chat-leak-affected-at-least', incident: 'kakao-open-chat-leak', metric: 'AFFECTED', value: 65710, qualifier: 'AT_LEAST', unit: 'users',
   note: 'Per a PIPC official.'},
  {id: 'british-airways-breach-2018-affected', incident: 'british-airways-breach-2018', metric: 'AFFECTED', value: 400000, qualifier: 'ABOUT', unit: 'customers and staff'},
  {id: 'marriott-starwood-breach-records', incident: 'marriott-starwood-breach', metric: 'RECORDS_EXPOSED', value: 339000000, qualifier: 'UNQUALIFIED', unit: 'guest records',
   note: '30.1 million of EEA residents, 7 million in the UK.'},
  {id: 'equifax-breach-2017-affected', incident: 'equifax-breach-2017', metric: 'AFFECTED', value: 147000000, qualifier: 'ABOUT', unit: 'consumers'}
] AS x
MATCH (i:Incident {id: x.incident})
MERGE (e:Estimate:Entity {id: x.id})
SET e.metric = x.metric, e.value = x.value, e.qualifier = x.qualifier, e.unit = x.unit, e.asOf = x.asOf,
    e.reportedOn = x.reportedOn, e.note = x.note
MERGE (i)-[:HAS_ESTIMATE]->(e);

UNWIND [
  {id: 'lg-uplus-breach-2023-pipc-investigation', incident: 'lg-uplus-breach-2023', authorities: ['pipc'], kind: 'REGULATORY',
   title: 'PIPC investigation into the LG Uplus breach',
   // The PIPC release: reported in January 2023, "The PIPC has since been conducting an in-depth investigation".
   openedOn: '2023-01', openedOnAsReported: 'conducted since the hacking attack was reported in January 2023'},
  {id: 'kakao-open-chat-leak-pipc-investigation', incident: 'kakao-open-chat-leak', authorities: ['pipc'], kind: 'REGULATORY',
   title: 'PIPC investigation into the Kakao open-chat leak', openedOn: '2023-03', openedOnAsReported: 'opened after media reports in March 2023'},
  {id: 'british-airways-breach-2018-ico-investigation', incident: 'british-airways-breach-2018', authorities: ['ico'], kind: 'REGULATORY',
   title: 'ICO investigation into the British Airways breach'},
  {id: 'marriott-starwood-breach-ico-investigation', incident: 'marriott-starwood-breach', authorities: ['ico'], kind: 'REGULATORY',
   title: 'ICO investigation into the Marriott / Starwood breach'},
  {id: 'equifax-breach-2017-settlement-investigation', incident: 'equifax-breach-2017', authorities: ['cfpb', 'ftc'], kind: 'REGULATORY',
   title: 'CFPB, FTC and state investigation into the Equifax breach'}
] AS x
// No source states these investigations' status (each resulted in a fine or settlement): none is set.
MATCH (i:Incident {id: x.incident})
MERGE (inv:Investigation:Entity {id: x.id})
SET inv.title = x.title, inv.kind = x.kind, inv.status = null, inv.openedOn = x.openedOn, inv.openedOnAsReported = x.openedOnAsReported
MERGE (inv)-[:INTO]->(i)
WITH inv, x
UNWIND x.authorities AS aid
MATCH (a:Authority {id: aid})
MERGE (a)-[:CONDUCTS]->(inv);

// Fines. `investigation` and `incident` are null for the earlier records cited only in passing.
UNWIND [
  {id: 'lg-uplus-pipc-penalty-2023', kind: 'ADMINISTRATIVE_PENALTY', authority: 'pipc', company: 'lg-uplus', incident: 'lg-uplus-breach-2023',
   investigation: 'lg-uplus-breach-2023-pipc-investigation'},
  {id: 'lg-uplus-pipc-fine-2023', kind: 'ADMINISTRATIVE_FINE', authority: 'pipc', company: 'lg-uplus', incident: 'lg-uplus-breach-2023',
   investigation: 'lg-uplus-breach-2023-pipc-investigation'},
  {id: 'kakao-pipc-penalty-2024', kind: 'ADMINISTRATIVE_PENALTY', authority: 'pipc', company: 'kakao', incident: 'kakao-open-chat-leak',
   investigation: 'kakao-open-chat-leak-pipc-investigation', reason: 'Leak of open-chat users’ personal data; Kakao disputes the fine.'},
  {id: 'kakao-pipc-fine-2024', kind: 'ADMINISTRATIVE_FINE', authority: 'pipc', company: 'kakao', incident: 'kakao-open-chat-leak',
   investigation: 'kakao-open-chat-leak-pipc-investigation'},
  {id: 'ba-ico-penalty-2020', kind: 'ADMINISTRATIVE_PENALTY', authority: 'ico', company: 'british-airways', incident: 'british-airways-breach-2018',
   investigation: 'british-airways-breach-2018-ico-investigation', reason: 'Final penalty, after a notice of intent (July 2019).'},
  {id: 'marriott-ico-penalty-2020', kind: 'ADMINISTRATIVE_PENALTY', authority: 'ico', company: 'marriott', incident: 'marriott-starwood-breach',
   investigation: 'marriott-starwood-breach-ico-investigation', reason: 'Final penalty, after a notice of intent (July 2019).'},
  {id: 'equifax-cfpb-civil-penalty-2019', kind: 'CIVIL_PENALTY', authority: 'cfpb', company: 'equifax', incident: 'equifax-breach-2017',
   investigation: 'equifax-breach-2017-settlement-investigation', reason: 'Civil money penalty within the global settlement of up to USD 700 million.'},
  {id: 'google-pipc-penalty-2022', kind: 'ADMINISTRATIVE_PENALTY', authority: 'pipc', company: 'google',
   reason: 'The largest PIPC penalty before SK Telecom’s (per MENAFN).'},
  {id: 'golfzon-pipc-penalty', kind: 'ADMINISTRATIVE_PENALTY', authority: 'pipc', company: 'golfzon',
   reason: 'The record PIPC fine before Kakao’s (per Yonhap).'}
] AS x
MATCH (a:Authority {id: x.authority}), (c:Company {id: x.company})
MERGE (f:Fine:Entity {id: x.id})
SET f.kind = x.kind, f.reason = x.reason
MERGE (a)-[:IMPOSED]->(f)
MERGE (f)-[:AGAINST]->(c)
WITH f, x WHERE x.incident IS NOT NULL
MATCH (i:Incident {id: x.incident}), (inv:Investigation {id: x.investigation})
MERGE (f)-[:FOR_INCIDENT]->(i)
MERGE (inv)-[:RESULTED_IN]->(f);

UNWIND [
  {id: 'lg-uplus-pipc-penalty-2023-report', fine: 'lg-uplus-pipc-penalty-2023', amount: '6800000000', currency: 'KRW',
   conversionAmounts: ['5300000'], conversionCurrencies: ['USD'], date: '2023-07-12'},
  {id: 'lg-uplus-pipc-fine-2023-report', fine: 'lg-uplus-pipc-fine-2023', amount: '27000000', currency: 'KRW', date: '2023-07-12'},
  {id: 'kakao-pipc-penalty-2024-report-yonhap', fine: 'kakao-pipc-penalty-2024', amount: '15100000000', currency: 'KRW',
   conversionAmounts: ['11000000'], conversionCurrencies: ['USD']},
  {id: 'kakao-pipc-penalty-2024-report-metaconnects', fine: 'kakao-pipc-penalty-2024', date: '2024-05-23'},
  {id: 'kakao-pipc-fine-2024-report', fine: 'kakao-pipc-fine-2024', amount: '7800000', currency: 'KRW', date: '2024-05-23'},
  {id: 'ba-ico-penalty-2020-report-brodies', fine: 'ba-ico-penalty-2020', amount: '20000000', currency: 'GBP', date: '2020-10'},
  {id: 'ba-ico-penalty-2020-report-tlt', fine: 'ba-ico-penalty-2020', date: '2020-10-16', dateAsReported: 'penalty notice issued on 16 October 2020'},
  {id: 'marriott-ico-penalty-2020-report-brodies', fine: 'marriott-ico-penalty-2020', amount: '18400000', currency: 'GBP', date: '2020-10'},
  {id: 'marriott-ico-penalty-2020-report-tlt', fine: 'marriott-ico-penalty-2020', date: '2020-10-30'},
  {id: 'equifax-cfpb-civil-penalty-2019-report-cfpb', fine: 'equifax-cfpb-civil-penalty-2019', amount: '100000000', currency: 'USD'},
  {id: 'equifax-cfpb-civil-penalty-2019-report-npr', fine: 'equifax-cfpb-civil-penalty-2019', amount: '100000000', currency: 'USD', date: '2019-07-22',
   dateAsReported: 'announced on 22 July 2019'},
  {id: 'google-pipc-penalty-2022-report', fine: 'google-pipc-penalty-2022', amount: '69200000000', currency: 'KRW', date: '2022'},
  {id: 'golfzon-pipc-penalty-report', fine: 'golfzon-pipc-penalty', amount: '7500000000', currency: 'KRW'}
] AS x
MATCH (f:Fine {id: x.fine})
MERGE (r:FineReport:Entity {id: x.id})
SET r.amount = x.amount, r.currency = x.currency, r.conversionAmounts = coalesce(x.conversionAmounts, []),
    r.conversionCurrencies = coalesce(x.conversionCurrencies, []), r.date = x.date, r.dateAsReported = x.dateAsReported
MERGE (f)-[:REPORTED_AS]->(r);

// LG Uplus's CEO and his apology.
MERGE (p:Person:Entity {id: 'hwang-hyeon-sik'})
SET p.name = 'Hwang Hyeon-sik', p.aliases = []
MERGE (pos:Position:Entity {id: 'hwang-hyeon-sik-lg-uplus-ceo'})
SET pos.title = 'CEO', pos.acting = false
MERGE (p)-[:HOLDS]->(pos)
// KBS reported the apology on 17 February 2023 without dating it: the statement stays undated,
// and reportedOn keeps the date of the report.
MERGE (st:Statement:Entity {id: 'lg-uplus-breach-2023-hwang-apology'})
SET st.kind = 'APOLOGY', st.summary = 'LG U+ CEO Hwang Hyeon-sik apologised publicly.',
    st.date = null, st.dateAsReported = null, st.reportedOn = '2023-02-17'
MERGE (p)-[:MADE]->(st)
WITH pos, st
MATCH (c:Company {id: 'lg-uplus'}), (i:Incident {id: 'lg-uplus-breach-2023'})
MERGE (pos)-[:AT]->(c)
MERGE (st)-[:ON_BEHALF_OF]->(c)
MERGE (st)-[:ABOUT]->(i);

// Money the sources give in prose is recorded as amounts with their currency (parallel lists, as
// Neo4j properties hold no maps): the proposed penalties of the notices of intent, the settlement.
// The settlement is announced by the parties together; no source names one organizer.
UNWIND [
  {id: 'kakao-open-chat-leak-lawsuit', incident: 'kakao-open-chat-leak', organizer: 'kakao', kind: 'LAWSUIT_FILED', date: '2024-11-01',
   title: 'Kakao files an administrative lawsuit against the PIPC fine'},
  {id: 'british-airways-breach-2018-notice-of-intent', incident: 'british-airways-breach-2018', organizer: 'ico', against: 'british-airways',
   kind: 'NOTICE_OF_INTENT', date: '2019-07', title: 'ICO notice of intent to fine British Airways GBP 183.39 million',
   amounts: ['183390000'], amountCurrencies: ['GBP'], amountLabels: ['proposed penalty']},
  {id: 'marriott-starwood-breach-notice-of-intent', incident: 'marriott-starwood-breach', organizer: 'ico', against: 'marriott',
   kind: 'NOTICE_OF_INTENT', date: '2019-07', title: 'ICO notice of intent to fine Marriott GBP 99.2 million',
   amounts: ['99200000'], amountCurrencies: ['GBP'], amountLabels: ['proposed penalty']},
  {id: 'equifax-breach-2017-settlement', incident: 'equifax-breach-2017', kind: 'OTHER', date: '2019-07-22',
   title: 'Global settlement of up to USD 700 million announced',
   description: 'With the CFPB, the FTC, 48 states, the District of Columbia and Puerto Rico; USD 175 million to the states and USD 100 million to the CFPB in civil penalties.',
   amounts: ['700000000', '175000000', '100000000'], amountCurrencies: ['USD', 'USD', 'USD'],
   amountLabels: ['up to, in total', 'to the states, in civil penalties', 'to the CFPB, in civil penalties']}
] AS x
MATCH (i:Incident {id: x.incident})
MERGE (ev:Event:Entity {id: x.id})
SET ev.kind = x.kind, ev.title = x.title, ev.description = x.description, ev.date = x.date,
    ev.amounts = coalesce(x.amounts, []), ev.amountCurrencies = coalesce(x.amountCurrencies, []), ev.amountLabels = coalesce(x.amountLabels, [])
MERGE (ev)-[:CONCERNS]->(i)
WITH ev, x
CALL (ev, x) {
  MATCH (o:Entity {id: x.organizer})
  MERGE (o)-[:ORGANIZED]->(ev)
}
CALL (ev, x) {
  MATCH (c:Company {id: x.against})
  MERGE (ev)-[:AGAINST]->(c)
};

// Retracted: earlier versions of this file named the CFPB as the settlement's organizer.
MATCH (:Authority {id: 'cfpb'})-[r:ORGANIZED]->(:Event {id: 'equifax-breach-2017-settlement'})
DELETE r;

UNWIND [
  {node: 'lg-uplus-breach-2023', source: 'pipc-lguplus-2023-07-12', attribution: 'PIPC press release', attributedTo: 'pipc'},
  {node: 'lg-uplus-breach-2023', source: 'pipc-lguplus-2023-07-12', claim: 'disclosed-on', about: ['disclosedOn'],
   attribution: 'PIPC press release', attributedTo: 'pipc'},
  {node: 'lg-uplus-breach-2023-affected', source: 'pipc-lguplus-2023-07-12', attribution: 'PIPC press release', attributedTo: 'pipc'},
  {node: 'lg-uplus-breach-2023-records', source: 'pipc-lguplus-2023-07-12', attribution: 'PIPC press release', attributedTo: 'pipc'},
  {node: 'lg-uplus-breach-2023-data-types', source: 'pipc-lguplus-2023-07-12', attribution: 'PIPC press release', attributedTo: 'pipc'},
  {node: 'lg-uplus-breach-2023-pipc-investigation', source: 'pipc-lguplus-2023-07-12', attribution: 'PIPC press release', attributedTo: 'pipc'},
  {node: 'lg-uplus-breach-2023-pipc-investigation', source: 'pipc-lguplus-2023-07-12', claim: 'opened-on', about: ['openedOn'],
   attribution: 'PIPC press release', attributedTo: 'pipc'},
  {node: 'lg-uplus-pipc-penalty-2023', source: 'pipc-lguplus-2023-07-12', attribution: 'PIPC press release', attributedTo: 'pipc'},
  {node: 'lg-uplus-pipc-penalty-2023', source: 'menafn-2025-08-30', about: ['amount'], attribution: 'previous telecom record'},
  {node: 'lg-uplus-pipc-penalty-2023-report', source: 'pipc-lguplus-2023-07-12', attribution: 'PIPC press release', attributedTo: 'pipc'},
  {node: 'lg-uplus-pipc-fine-2023', source: 'pipc-lguplus-2023-07-12', attribution: 'PIPC press release', attributedTo: 'pipc'},
  {node: 'lg-uplus-pipc-fine-2023-report', source: 'pipc-lguplus-2023-07-12', attribution: 'PIPC press release', attributedTo: 'pipc'},
  {node: 'hwang-hyeon-sik', source: 'kbs-2023-02-17'},
  {node: 'hwang-hyeon-sik-lg-uplus-ceo', source: 'kbs-2023-02-17'},
  {node: 'lg-uplus-breach-2023-hwang-apology', source: 'kbs-2023-02-17'},
  {node: 'kakao-open-chat-leak', source: 'cambodiatribune-kakao-fine', attribution: 'Yonhap', attributedTo: 'yonhap'},
  {node: 'kakao-open-chat-leak-affected-about', source: 'cambodiatribune-kakao-fine', attribution: 'Yonhap', attributedTo: 'yonhap'},
  {node: 'kakao-open-chat-leak-affected-at-least', source: 'cambodiatribune-kakao-fine', attribution: 'according to a PIPC official', attributedTo: 'pipc'},
  {node: 'kakao-open-chat-leak-pipc-investigation', source: 'cambodiatribune-kakao-fine', attribution: 'Yonhap', attributedTo: 'yonhap'},
  {node: 'kakao-open-chat-leak-pipc-investigation', source: 'metaconnects-2024-05-23', about: ['openedOn']},
  {node: 'kakao-pipc-penalty-2024', source: 'cambodiatribune-kakao-fine', attribution: 'Yonhap', attributedTo: 'yonhap'},
  {node: 'kakao-pipc-penalty-2024', source: 'metaconnects-2024-05-23', about: ['date']},
  {node: 'kakao-pipc-penalty-2024', source: 'joongang-2024-11-12', about: ['reason']},
  {node: 'kakao-pipc-penalty-2024-report-yonhap', source: 'cambodiatribune-kakao-fine', attribution: 'Yonhap', attributedTo: 'yonhap'},
  {node: 'kakao-pipc-penalty-2024-report-metaconnects', source: 'metaconnects-2024-05-23'},
  {node: 'kakao-pipc-fine-2024', source: 'metaconnects-2024-05-23'},
  {node: 'kakao-pipc-fine-2024-report', source: 'metaconnects-2024-05-23'},
  {node: 'kakao-open-chat-leak-lawsuit', source: 'joongang-2024-11-12'},
  {node: 'golfzon-pipc-penalty', source: 'cambodiatribune-kakao-fine', attribution: 'Yonhap', attributedTo: 'yonhap'},
  // Korea JoongAng Daily (12 November 2024): "the previous record fine of 7.5 billion won imposed on Golfzon".
  {node: 'golfzon-pipc-penalty', source: 'joongang-2024-11-12'},
  {node: 'golfzon-pipc-penalty-report', source: 'cambodiatribune-kakao-fine', attribution: 'Yonhap', attributedTo: 'yonhap'},
  {node: 'google-pipc-penalty-2022', source: 'menafn-2025-08-30'},
  {node: 'google-pipc-penalty-2022-report', source: 'menafn-2025-08-30'},
  {node: 'british-airways-breach-2018', source: 'brodies-ba-marriott'},
  {node: 'british-airways-breach-2018-affected', source: 'brodies-ba-marriott'},
  {node: 'british-airways-breach-2018-ico-investigation', source: 'brodies-ba-marriott'},
  {node: 'british-airways-breach-2018-notice-of-intent', source: 'brodies-ba-marriott'},
  {node: 'ba-ico-penalty-2020', source: 'brodies-ba-marriott'},
  {node: 'ba-ico-penalty-2020', source: 'tlt-ba-marriott', about: ['date']},
  {node: 'ba-ico-penalty-2020-report-brodies', source: 'brodies-ba-marriott'},
  {node: 'ba-ico-penalty-2020-report-tlt', source: 'tlt-ba-marriott'},
  {node: 'marriott-starwood-breach', source: 'brodies-ba-marriott'},
  {node: 'marriott-starwood-breach-records', source: 'brodies-ba-marriott'},
  {node: 'marriott-starwood-breach-ico-investigation', source: 'brodies-ba-marriott'},
  {node: 'marriott-starwood-breach-notice-of-intent', source: 'brodies-ba-marriott'},
  {node: 'marriott-ico-penalty-2020', source: 'brodies-ba-marriott'},
  {node: 'marriott-ico-penalty-2020', source: 'tlt-ba-marriott', about: ['date']},
  {node: 'marriott-ico-penalty-2020-report-brodies', source: 'brodies-ba-marriott'},
  {node: 'marriott-ico-penalty-2020-report-tlt', source: 'tlt-ba-marriott'},
  {node: 'equifax-breach-2017', source: 'cfpb-equifax-settlement', about: ['summary']},
  {node: 'equifax-breach-2017', source: 'npr-2019-07-22', about: ['summary', 'attackVector', 'discoveredOn'], attribution: 'The FTC says', attributedTo: 'ftc'},
  {node: 'equifax-breach-2017', source: 'npr-2019-07-22', claim: 'access-start', about: ['accessStart']},
  {node: 'equifax-breach-2017-affected', source: 'cfpb-equifax-settlement'},
  {node: 'equifax-breach-2017-settlement-investigation', source: 'cfpb-equifax-settlement'},
  {node: 'equifax-breach-2017-settlement', source: 'cfpb-equifax-settlement'},
  {node: 'equifax-breach-2017-settlement', source: 'npr-2019-07-22'},
  {node: 'equifax-cfpb-civil-penalty-2019', source: 'cfpb-equifax-settlement'},
  {node: 'equifax-cfpb-civil-penalty-2019', source: 'npr-2019-07-22'},
  {node: 'equifax-cfpb-civil-penalty-2019-report-cfpb', source: 'cfpb-equifax-settlement'},
  {node: 'equifax-cfpb-civil-penalty-2019-report-npr', source: 'npr-2019-07-22'}
] AS l
MATCH (n:Entity {id: l.node}), (s:Source {id: l.source})
MERGE (n)-[r:SOURCED_FROM {claim: coalesce(l.claim, 'general')}]->(s)
SET r.attribution = l.attribution, r.attributedTo = l.attributedTo, r.about = coalesce(l.about, []);
