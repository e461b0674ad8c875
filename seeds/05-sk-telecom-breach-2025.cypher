// The SK Telecom breach of 2025 and the PIPC's fine: the seed article, The Korea Herald,
// MENAFN and PhoneArena. Where they disagree (the fine's amount, the number affected) every
// reported value is kept with its source.

MERGE (i:Incident:Entity {id: 'skt-breach-2025'})
SET i.title = 'SK Telecom data breach (2025)',
    i.kind = 'DATA_BREACH',
    i.summary = 'Hackers got into SK Telecom’s internal network to install malware in August 2021 and again in June 2022, then took 9.82 GB of personal data on 18 April 2025, including phone numbers and IMSI numbers of LTE and 5G subscribers.',
    i.accessStart = '2021-08',
    i.accessStartAsReported = 'first got into the internal network to install malware in August 2021',
    i.attackVector = 'Stored data could be accessed without authentication; an operating system installed in November 2016 had not been patched.',
    i.discoveredOn = '2025-04-18',
    i.reportedOn = '2025-04-22',
    i.reportedOnAsReported = 'reported to the PIPC on 22 April 2025',
    // The Korea Herald (28 August 2025): "In April, SK Telecom belatedly disclosed a major leak".
    i.disclosedOn = '2025-04',
    i.disclosedOnAsReported = 'In April, SK Telecom belatedly disclosed a major leak'
WITH i
MATCH (c:Company {id: 'sk-telecom'}), (k:Country {id: 'KR'})
MERGE (i)-[:AFFECTED]->(c)
MERGE (i)-[:IN_COUNTRY]->(k);

UNWIND [
  {category: 'phone-number', detail: 'phone numbers'},
  {category: 'imsi', detail: 'IMSI (International Mobile Subscriber Identity) numbers'}
] AS x
MATCH (i:Incident {id: 'skt-breach-2025'}), (d:DataCategory {id: x.category})
MERGE (e:DataExposure:Entity {id: 'skt-breach-2025--' + x.category})
SET e.exposed = true, e.detail = x.detail
MERGE (i)-[:HAS_EXPOSURE]->(e)
MERGE (e)-[:OF_CATEGORY]->(d);

// No source dates the counts of people affected: they carry only the date they were reported, so
// the best figure follows from the figures themselves (the exact one), not from which outlet
// published later. "23.2 million" is given bare: UNQUALIFIED, not ABOUT.
UNWIND [
  {id: 'skt-breach-2025-affected-almost-27m', metric: 'AFFECTED', value: 27000000, qualifier: 'ALMOST', unit: 'users',
   note: 'The seed article gives no date for this figure.'},
  {id: 'skt-breach-2025-affected-23.2m', metric: 'AFFECTED', value: 23200000, qualifier: 'UNQUALIFIED', unit: 'LTE and 5G subscribers', reportedOn: '2025-08-28'},
  {id: 'skt-breach-2025-affected-23244649', metric: 'AFFECTED', value: 23244649, qualifier: 'EXACT', unit: 'LTE and 5G users', reportedOn: '2025-08-30'},
  {id: 'skt-breach-2025-data-types', metric: 'DATA_TYPES', value: 25, qualifier: 'EXACT', unit: 'types of data', reportedOn: '2025-08-28'},
  {id: 'skt-breach-2025-data-volume', metric: 'DATA_VOLUME', value: 9.82, qualifier: 'UNQUALIFIED', unit: 'GB', asOf: '2025-04-18',
   note: 'Personal data taken on 18 April 2025.'}
] AS x
MATCH (i:Incident {id: 'skt-breach-2025'})
MERGE (e:Estimate:Entity {id: x.id})
SET e.metric = x.metric, e.value = x.value, e.qualifier = x.qualifier, e.unit = x.unit, e.asOf = x.asOf,
    e.reportedOn = x.reportedOn, e.note = x.note
MERGE (i)-[:HAS_ESTIMATE]->(e);

UNWIND [
  {id: 'skt-breach-2025-malware-2022', kind: 'OTHER', date: '2022-06', title: 'Hackers install malware in SK Telecom’s internal network again'},
  {id: 'skt-breach-2025-exfiltration', kind: 'OTHER', date: '2025-04-18', title: 'Hackers take 9.82 GB of personal data'},
  {id: 'skt-breach-2025-report-to-pipc', kind: 'REPORT_TO_AUTHORITY', date: '2025-04-22', title: 'SK Telecom reports the breach to the PIPC', organizer: 'sk-telecom'}
] AS x
MATCH (i:Incident {id: 'skt-breach-2025'})
MERGE (ev:Event:Entity {id: x.id})
SET ev.kind = x.kind, ev.title = x.title, ev.date = x.date
MERGE (ev)-[:CONCERNS]->(i)
WITH ev, x WHERE x.organizer IS NOT NULL
MATCH (o:Entity {id: x.organizer})
MERGE (o)-[:ORGANIZED]->(ev);

// No source states the investigation's status (it resulted in fines): none is set. Nor does any
// date its opening (the Korea Herald: the April disclosure prompted it): openedOn stays unset.
MERGE (inv:Investigation:Entity {id: 'skt-breach-2025-pipc-investigation'})
SET inv.title = 'PIPC investigation into the SK Telecom breach', inv.kind = 'REGULATORY', inv.status = null,
    inv.outcome = 'A record penalty, the highest since the commission’s launch in 2020, and an extra penalty for not notifying affected customers within 72 hours.'
WITH inv
MATCH (i:Incident {id: 'skt-breach-2025'}), (a:Authority {id: 'pipc'})
MERGE (inv)-[:INTO]->(i)
MERGE (a)-[:CONDUCTS]->(inv);

// The fines, each with every report of it.
UNWIND [
  {id: 'skt-pipc-fine-2025', kind: 'ADMINISTRATIVE_PENALTY', reason: 'Violating cybersecurity obligations'},
  {id: 'skt-pipc-fine-2025-late-notification', kind: 'ADMINISTRATIVE_PENALTY', reason: 'Not notifying affected customers within 72 hours'}
] AS x
MATCH (i:Incident {id: 'skt-breach-2025'}), (c:Company {id: 'sk-telecom'}), (a:Authority {id: 'pipc'}),
      (inv:Investigation {id: 'skt-breach-2025-pipc-investigation'})
MERGE (f:Fine:Entity {id: x.id})
SET f.kind = x.kind, f.reason = x.reason
MERGE (a)-[:IMPOSED]->(f)
MERGE (f)-[:AGAINST]->(c)
MERGE (f)-[:FOR_INCIDENT]->(i)
MERGE (inv)-[:RESULTED_IN]->(f);

UNWIND [
  {id: 'skt-pipc-fine-2025-report-azzet', fine: 'skt-pipc-fine-2025', amount: '134000000000', currency: 'KRW',
   conversionAmounts: ['140000000'], conversionCurrencies: ['AUD'], date: '2025-08', dateAsReported: 'in August'},
  {id: 'skt-pipc-fine-2025-report-koreaherald', fine: 'skt-pipc-fine-2025', amount: '134800000000', currency: 'KRW',
   conversionAmounts: ['96900000'], conversionCurrencies: ['USD'], date: '2025-08-28', dateAsReported: 'Thursday'},
  {id: 'skt-pipc-fine-2025-report-menafn', fine: 'skt-pipc-fine-2025', amount: '134790000000', currency: 'KRW',
   conversionAmounts: ['97000000'], conversionCurrencies: ['USD']},
  {id: 'skt-pipc-fine-2025-late-notification-report-menafn', fine: 'skt-pipc-fine-2025-late-notification', amount: '9600000', currency: 'KRW'}
] AS x
MATCH (f:Fine {id: x.fine})
MERGE (r:FineReport:Entity {id: x.id})
SET r.amount = x.amount, r.currency = x.currency, r.conversionAmounts = coalesce(x.conversionAmounts, []),
    r.conversionCurrencies = coalesce(x.conversionCurrencies, []), r.date = x.date, r.dateAsReported = x.dateAsReported
MERGE (f)-[:REPORTED_AS]->(r);

// The PIPC chairman who explained the penalty.
MERGE (p:Person:Entity {id: 'ko-hak-soo'})
SET p.name = 'Ko Hak-soo', p.aliases = []
MERGE (pos:Position:Entity {id: 'ko-hak-soo-pipc-chairman'})
SET pos.title = 'Chairman', pos.acting = false
MERGE (p)-[:HOLDS]->(pos)
WITH p, pos
MATCH (a:Authority {id: 'pipc'}), (i:Incident {id: 'skt-breach-2025'})
MERGE (pos)-[:AT]->(a)
MERGE (st:Statement:Entity {id: 'skt-breach-2025-ko-explains-penalty'})
// MENAFN (30 August 2025) reports it without dating it: reportedOn, not date.
SET st.kind = 'ASSESSMENT', st.summary = 'PIPC Chairman Ko Hak-soo explained the penalty imposed on SK Telecom.', st.reportedOn = '2025-08-30'
MERGE (p)-[:MADE]->(st)
MERGE (st)-[:ON_BEHALF_OF]->(a)
MERGE (st)-[:ABOUT]->(i);

// The seed article: "The data breach follows a similar leak at South Korea’s SK Telecom this year".
// The link carries its source and the party it is attributed to, as SOURCED_FROM links do.
MATCH (c:Incident {id: 'coupang-breach-2025'}), (s:Incident {id: 'skt-breach-2025'})
MERGE (c)-[r:FOLLOWS_SIMILAR]->(s)
SET r.source = 'azzet-coupang-2025', r.attributedTo = 'azzet',
    r.quote = 'The data breach follows a similar leak at South Korea’s SK Telecom this year';

UNWIND [
  {node: 'skt-breach-2025', source: 'azzet-coupang-2025', about: ['title']},
  {node: 'skt-breach-2025', source: 'koreaherald-2025-08-28', about: ['summary', 'accessStart', 'attackVector', 'disclosedOn']},
  {node: 'skt-breach-2025', source: 'phonearena-skt-fine', about: ['discoveredOn', 'reportedOn']},
  {node: 'skt-breach-2025--phone-number', source: 'koreaherald-2025-08-28'},
  {node: 'skt-breach-2025--imsi', source: 'koreaherald-2025-08-28'},
  {node: 'skt-breach-2025-affected-almost-27m', source: 'azzet-coupang-2025'},
  {node: 'skt-breach-2025-affected-23.2m', source: 'koreaherald-2025-08-28'},
  {node: 'skt-breach-2025-affected-23244649', source: 'menafn-2025-08-30'},
  {node: 'skt-breach-2025-data-types', source: 'koreaherald-2025-08-28'},
  {node: 'skt-breach-2025-data-volume', source: 'koreaherald-2025-08-28'},
  {node: 'skt-breach-2025-malware-2022', source: 'koreaherald-2025-08-28'},
  {node: 'skt-breach-2025-exfiltration', source: 'koreaherald-2025-08-28'},
  {node: 'skt-breach-2025-report-to-pipc', source: 'phonearena-skt-fine'},
  {node: 'skt-breach-2025-pipc-investigation', source: 'koreaherald-2025-08-28'},
  {node: 'skt-breach-2025-pipc-investigation', source: 'menafn-2025-08-30', about: ['outcome']},
  {node: 'skt-pipc-fine-2025', source: 'azzet-coupang-2025', about: ['reason']},
  {node: 'skt-pipc-fine-2025', source: 'koreaherald-2025-08-28'},
  {node: 'skt-pipc-fine-2025', source: 'menafn-2025-08-30'},
  {node: 'skt-pipc-fine-2025-late-notification', source: 'menafn-2025-08-30'},
  {node: 'skt-pipc-fine-2025-report-azzet', source: 'azzet-coupang-2025'},
  {node: 'skt-pipc-fine-2025-report-koreaherald', source: 'koreaherald-2025-08-28'},
  {node: 'skt-pipc-fine-2025-report-menafn', source: 'menafn-2025-08-30'},
  {node: 'skt-pipc-fine-2025-late-notification-report-menafn', source: 'menafn-2025-08-30'},
  {node: 'ko-hak-soo', source: 'menafn-2025-08-30'},
  {node: 'ko-hak-soo-pipc-chairman', source: 'menafn-2025-08-30'},
  {node: 'skt-breach-2025-ko-explains-penalty', source: 'menafn-2025-08-30'}
] AS l
MATCH (n:Entity {id: l.node}), (s:Source {id: l.source})
MERGE (n)-[r:SOURCED_FROM {claim: coalesce(l.claim, 'general')}]->(s)
SET r.attribution = l.attribution, r.attributedTo = l.attributedTo, r.about = coalesce(l.about, []);
