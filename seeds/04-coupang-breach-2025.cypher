// The Coupang breach of 2025: the seed article (Azzet) and the reports of Dong-A Ilbo and
// Voice7 News. The article's "Saturday" and "Sunday" are 29 and 30 November 2025 (the revision to
// 33.7 million reached the PIPC on 29 November per Dong-A Ilbo); undated facts stay undated.

MERGE (i:Incident:Entity {id: 'coupang-breach-2025'})
SET i.title = 'Coupang data breach (2025)',
    i.kind = 'DATA_BREACH',
    i.summary = 'Information from about 33.7 million Coupang accounts was accessed through servers outside South Korea, starting on 24 June 2025 and continuing for nearly five months.',
    i.accessStart = '2025-06-24',
    i.accessStartAsReported = 'initially accessed on 24 June',
    i.accessDurationAsReported = 'nearly five months',
    i.origin = 'servers outside South Korea',
    i.attackVector = 'a loophole in Coupang’s authentication process',
    i.discoveredOn = '2025-11-18',
    i.reportedOn = '2025-11-19',
    i.reportedOnAsReported = 'the data breach was reported on 19 November',
    // The earliest public announcement a source dates: Dong-A Ilbo, "it said so publicly on 30 Nov".
    i.disclosedOn = '2025-11-30',
    i.disclosedOnAsReported = 'said so publicly on 30 November',
    i.extortionDemand = 'An email warned Coupang that the breach would be disclosed to the media if it did not bolster its security system.',
    i.ransomDemanded = false
WITH i
MATCH (c:Company {id: 'coupang'}), (k:Country {id: 'KR'})
MERGE (i)-[:AFFECTED]->(c)
MERGE (i)-[:IN_COUNTRY]->(k);

// Data exposed, and data Coupang stated was not.
UNWIND [
  {category: 'name', exposed: true, detail: 'customers’ names'},
  {category: 'email-address', exposed: true, detail: 'email addresses'},
  {category: 'phone-number', exposed: true, detail: 'phone numbers'},
  {category: 'physical-address', exposed: true, detail: 'shipping addresses'},
  {category: 'order-history', exposed: true, detail: 'certain order histories'},
  {category: 'payment-details', exposed: false, detail: 'payment details were not affected'},
  {category: 'login-credentials', exposed: false, detail: 'login credentials were not affected'}
] AS x
MATCH (i:Incident {id: 'coupang-breach-2025'}), (d:DataCategory {id: x.category})
MERGE (e:DataExposure:Entity {id: 'coupang-breach-2025--' + x.category})
SET e.exposed = x.exposed, e.detail = x.detail
MERGE (i)-[:HAS_EXPOSURE]->(e)
MERGE (e)-[:OF_CATEGORY]->(d);

// The size of the breach as a history of estimates, and Coupang's own size facts. asOf is the
// date a figure refers to, only where a source gives one; reportedOn keeps when it was reported.
// Qualifiers are the sources' own: "around" is ABOUT; a bare figure is UNQUALIFIED.
// The article's "4,500 accounts" and Dong-A Ilbo's "4,500 customer records" are two reports.
UNWIND [
  {id: 'coupang-breach-2025-estimate-4500', owner: 'coupang-breach-2025', metric: 'AFFECTED', value: 4500, qualifier: 'UNQUALIFIED',
   unit: 'accounts', note: 'The company’s original estimate, before it revised the figure to 33.7 million.'},
  {id: 'coupang-breach-2025-records-4500', owner: 'coupang-breach-2025', metric: 'RECORDS_EXPOSED', value: 4500, qualifier: 'UNQUALIFIED',
   unit: 'customer records', asOf: '2025-11-18', asOfAsReported: 'discovered on 18 November',
   reportedOn: '2025-11-20', reportedOnAsReported: 'reported to the PIPC on 20 November',
   note: 'Found exposed on 18 November and reported to the PIPC on 20 November.'},
  {id: 'coupang-breach-2025-estimate-33700000', owner: 'coupang-breach-2025', metric: 'AFFECTED', value: 33700000, qualifier: 'ABOUT',
   unit: 'accounts', asOf: '2025-11-29', asOfAsReported: 'revised on Saturday',
   reportedOn: '2025-11-30', reportedOnAsReported: 'announced publicly on 30 November',
   note: 'Revised figure; Coupang notified the PIPC of it on 29 November and announced it publicly on 30 November (Dong-A Ilbo).'},
  {id: 'coupang-active-users-2025-11', owner: 'coupang', metric: 'ACTIVE_USERS', value: 24700000, qualifier: 'UNQUALIFIED',
   unit: 'users', reportedOn: '2025-11', reportedOnAsReported: 'it said in November'},
  {id: 'coupang-active-users-2025-q3', owner: 'coupang', metric: 'ACTIVE_USERS', value: 24700000, qualifier: 'UNQUALIFIED',
   unit: 'commercial users', asOf: '2025-07/2025-09', asOfAsReported: 'in the third quarter'},
  {id: 'coupang-monthly-active-users-2025-12', owner: 'coupang', metric: 'MONTHLY_ACTIVE_USERS', value: 32000000, qualifier: 'UNQUALIFIED',
   unit: 'users', reportedOn: '2025-12-01'}
] AS x
MATCH (o:Entity {id: x.owner})
MERGE (e:Estimate:Entity {id: x.id})
SET e.metric = x.metric, e.value = x.value, e.qualifier = x.qualifier, e.unit = x.unit,
    e.asOf = x.asOf, e.asOfAsReported = x.asOfAsReported, e.reportedOn = x.reportedOn,
    e.reportedOnAsReported = x.reportedOnAsReported, e.note = x.note
MERGE (o)-[:HAS_ESTIMATE]->(e);

// People: the CEO, the officials at the emergency meeting, and the unnamed suspect.
UNWIND [
  {id: 'park-dae-jun', name: 'Park Dae-jun'},
  {id: 'bae-kyung-hoon', name: 'Bae Kyung-hoon'},
  {id: 'yoo-jae-sung', name: 'Yoo Jae-sung'},
  {id: 'coupang-breach-2025-suspect', name: null, description: 'A former Coupang employee from China, identified by police as a suspect.'}
] AS p
MERGE (n:Person:Entity {id: p.id})
SET n.name = p.name, n.description = p.description, n.aliases = [];

MATCH (s:Person {id: 'coupang-breach-2025-suspect'}), (cn:Country {id: 'CN'}), (c:Company {id: 'coupang'})
MERGE (s)-[:NATIONAL_OF]->(cn)
MERGE (s)-[:FORMERLY_EMPLOYED_BY]->(c);

UNWIND [
  {id: 'park-dae-jun-coupang-ceo', person: 'park-dae-jun', title: 'CEO', org: 'coupang', acting: false},
  {id: 'bae-kyung-hoon-deputy-prime-minister', person: 'bae-kyung-hoon', title: 'Deputy Prime Minister', org: 'south-korea-government', acting: false},
  {id: 'bae-kyung-hoon-minister-of-science-and-ict', person: 'bae-kyung-hoon', title: 'Minister of Science and ICT', org: 'ministry-of-science-and-ict', acting: false},
  {id: 'yoo-jae-sung-acting-commissioner', person: 'yoo-jae-sung', title: 'Commissioner', org: 'korean-national-police-agency', acting: true}
] AS x
MATCH (p:Person {id: x.person}), (o:Entity {id: x.org})
MERGE (pos:Position:Entity {id: x.id})
SET pos.title = x.title, pos.acting = x.acting
MERGE (p)-[:HOLDS]->(pos)
MERGE (pos)-[:AT]->(o);

MERGE (s:Suspicion:Entity {id: 'coupang-breach-2025-suspicion'})
SET s.status = 'IDENTIFIED_AS_SUSPECT',
    s.description = 'Police identified a former Coupang employee from China as a suspect; the government said it remains open to a range of possibilities.'
WITH s
MATCH (p:Person {id: 'coupang-breach-2025-suspect'}), (i:Incident {id: 'coupang-breach-2025'}), (police:Authority {id: 'south-korean-police'})
MERGE (p)-[:SUBJECT_OF]->(s)
MERGE (s)-[:IN_INCIDENT]->(i)
MERGE (police)-[:IDENTIFIED]->(s);

// Investigations, each OPEN as its source reports it ("is investigating", "has been
// investigating", "launched", "opened a probe"). Dong-A Ilbo says police opened a probe, not which
// police: it is not the Seoul agency that received Coupang's complaint, as far as any source says.
UNWIND [
  {id: 'coupang-breach-2025-pipc-investigation', title: 'PIPC investigation into the Coupang breach', kind: 'REGULATORY',
   authorities: ['pipc'], question: 'Whether Coupang neglected to add appropriate cybersecurity measures'},
  {id: 'coupang-breach-2025-government-investigation', title: 'Government investigation into the Coupang breach', kind: 'GOVERNMENTAL',
   authorities: ['south-korea-government'], openedOn: '2025-11-19', openedOnAsReported: 'investigating since the data breach was reported on 19 November'},
  {id: 'coupang-breach-2025-joint-investigation', title: 'Joint public-private investigation into the Coupang breach', kind: 'JOINT_PUBLIC_PRIVATE',
   authorities: ['coupang-joint-investigation-team', 'pipc', 'ministry-of-science-and-ict', 'south-korea-government']},
  {id: 'coupang-breach-2025-police-investigation', title: 'Police investigation into the Coupang breach', kind: 'CRIMINAL',
   authorities: ['south-korean-police']}
] AS x
MATCH (i:Incident {id: 'coupang-breach-2025'})
MERGE (inv:Investigation:Entity {id: x.id})
SET inv.title = x.title, inv.kind = x.kind, inv.question = x.question, inv.status = 'OPEN',
    inv.openedOn = x.openedOn, inv.openedOnAsReported = x.openedOnAsReported
MERGE (inv)-[:INTO]->(i)
WITH inv, x
UNWIND x.authorities AS aid
MATCH (a:Authority {id: aid})
MERGE (a)-[:CONDUCTS]->(inv);

// Statements. No source dates when they were made; reportedOn is the date of the dated source
// that reports one (Voice7 News, 30 November 2025). The Azzet article is undated.
UNWIND [
  {id: 'coupang-breach-2025-park-apology', kind: 'APOLOGY', speaker: 'park-dae-jun', org: 'coupang',
   quote: 'We apologise for causing inconvenience and concern.'},
  {id: 'coupang-breach-2025-park-cooperation', kind: 'PROMISE', speaker: 'park-dae-jun', org: 'coupang',
   quote: 'We’ll closely cooperate with relevant authorities to prevent further damage.'},
  {id: 'coupang-breach-2025-park-security-review', kind: 'PROMISE', speaker: 'park-dae-jun', org: 'coupang',
   quote: 'We are also reviewing what changes we can make to the data security system, so we can better protect customer information.'},
  {id: 'coupang-breach-2025-bae-authentication-loophole', kind: 'ATTRIBUTION', speaker: 'bae-kyung-hoon', org: 'south-korea-government',
   summary: 'The hack exploited a loophole in Coupang’s authentication process.'},
  {id: 'coupang-breach-2025-bae-examining-rules', kind: 'ASSESSMENT', speaker: 'bae-kyung-hoon', org: 'ministry-of-science-and-ict',
   summary: 'Authorities are examining whether Coupang violated personal information protection rules.', reportedOn: '2025-11-30'},
  {id: 'coupang-breach-2025-government-open-to-possibilities', kind: 'ASSESSMENT', speaker: null, org: 'south-korea-government',
   summary: 'The government remains open to a range of possibilities.'}
] AS x
MATCH (i:Incident {id: 'coupang-breach-2025'}), (o:Entity {id: x.org})
MERGE (st:Statement:Entity {id: x.id})
SET st.kind = x.kind, st.quote = x.quote, st.summary = x.summary, st.reportedOn = x.reportedOn
MERGE (st)-[:ABOUT]->(i)
MERGE (st)-[:ON_BEHALF_OF]->(o)
WITH st, x WHERE x.speaker IS NOT NULL
MATCH (p:Person {id: x.speaker})
MERGE (p)-[:MADE]->(st);

// Events.
UNWIND [
  {id: 'coupang-breach-2025-report-to-pipc', kind: 'REPORT_TO_AUTHORITY', organizer: 'coupang', date: '2025-11-20',
   title: 'Coupang reports 4,500 exposed customer records to the PIPC'},
  {id: 'coupang-breach-2025-estimate-revised', kind: 'ESTIMATE_REVISED', organizer: 'coupang', date: '2025-11-29', dateAsReported: 'Saturday',
   title: 'Coupang revises the affected accounts from 4,500 to 33.7 million and notifies the PIPC'},
  {id: 'coupang-breach-2025-public-announcement', kind: 'OTHER', organizer: 'coupang', date: '2025-11-30',
   title: 'Coupang announces publicly that 33.7 million accounts were exposed'},
  {id: 'coupang-breach-2025-emergency-meeting', kind: 'MEETING', organizer: 'south-korea-government', date: '2025-11-30', dateAsReported: 'Sunday',
   title: 'Emergency ministerial meeting on the Coupang breach'},
  {id: 'coupang-breach-2025-warning-email', kind: 'WARNING_RECEIVED', organizer: null,
   title: 'Coupang receives an email threatening disclosure to the media',
   description: 'The email warned that the breach would be disclosed to the media if Coupang did not bolster its security system; it did not demand a monetary ransom.'},
  {id: 'coupang-breach-2025-police-complaint', kind: 'COMPLAINT_FILED', organizer: 'coupang',
   title: 'Coupang files a complaint with the Seoul Metropolitan Police Agency’s cyber investigation unit',
   description: 'The complaint names “an unidentified individual”.', reportedOn: '2025-12-01'},
  {id: 'coupang-breach-2025-kisa-phishing-warning', kind: 'PUBLIC_WARNING', organizer: 'kisa',
   title: 'KISA warns Coupang customers about phishing', reportedOn: '2025-11-30'}
] AS x
MATCH (i:Incident {id: 'coupang-breach-2025'})
MERGE (ev:Event:Entity {id: x.id})
SET ev.kind = x.kind, ev.title = x.title, ev.description = x.description, ev.date = x.date, ev.dateAsReported = x.dateAsReported,
    // When the dated source that reports an undated event was published: it happened on or before.
    ev.reportedOn = x.reportedOn
MERGE (ev)-[:CONCERNS]->(i)
WITH ev, x WHERE x.organizer IS NOT NULL
MATCH (o:Entity {id: x.organizer})
MERGE (o)-[:ORGANIZED]->(ev);

UNWIND [
  {person: 'bae-kyung-hoon', role: 'Deputy Prime Minister', order: 1},
  {person: 'yoo-jae-sung', role: 'Acting Commissioner, National Police Agency', order: 2}
] AS x
MATCH (p:Person {id: x.person}), (ev:Event {id: 'coupang-breach-2025-emergency-meeting'})
MERGE (p)-[r:ATTENDED]->(ev)
SET r.role = x.role, r.order = x.order;

// Who says so.
UNWIND [
  {node: 'coupang-breach-2025', source: 'azzet-coupang-2025', about: ['title', 'summary', 'accessStart', 'accessDurationAsReported', 'origin', 'reportedOn']},
  {node: 'coupang-breach-2025', source: 'azzet-coupang-2025', claim: 'attack-vector', about: ['attackVector'],
   attribution: 'according to Bae', attributedTo: 'bae-kyung-hoon'},
  {node: 'coupang-breach-2025', source: 'azzet-coupang-2025', claim: 'extortion', about: ['extortion'],
   attribution: 'Yonhap News Agency reported', attributedTo: 'yonhap'},
  {node: 'coupang-breach-2025', source: 'donga-2025-12-01', about: ['discoveredOn', 'accessStart', 'disclosedOn']},
  {node: 'coupang-breach-2025', source: 'v7n-2025-11-30'},
  {node: 'coupang-breach-2025--name', source: 'azzet-coupang-2025', attribution: 'Coupang said', attributedTo: 'coupang'},
  {node: 'coupang-breach-2025--email-address', source: 'azzet-coupang-2025', attribution: 'Coupang said', attributedTo: 'coupang'},
  {node: 'coupang-breach-2025--phone-number', source: 'azzet-coupang-2025', attribution: 'Coupang said', attributedTo: 'coupang'},
  {node: 'coupang-breach-2025--physical-address', source: 'azzet-coupang-2025', attribution: 'Coupang said', attributedTo: 'coupang'},
  {node: 'coupang-breach-2025--order-history', source: 'v7n-2025-11-30'},
  {node: 'coupang-breach-2025--payment-details', source: 'azzet-coupang-2025', attribution: 'Coupang said', attributedTo: 'coupang'},
  {node: 'coupang-breach-2025--login-credentials', source: 'azzet-coupang-2025', attribution: 'Coupang said', attributedTo: 'coupang'},
  {node: 'coupang-breach-2025-estimate-4500', source: 'azzet-coupang-2025', attribution: 'The company originally estimated', attributedTo: 'coupang'},
  {node: 'coupang-breach-2025-records-4500', source: 'donga-2025-12-01', about: ['value', 'asOf', 'reportedOn']},
  {node: 'coupang-breach-2025-estimate-33700000', source: 'azzet-coupang-2025', about: ['value', 'qualifier', 'asOf']},
  {node: 'coupang-breach-2025-estimate-33700000', source: 'donga-2025-12-01', about: ['value', 'asOf', 'reportedOn']},
  {node: 'coupang-active-users-2025-11', source: 'azzet-coupang-2025', attribution: 'it said in November', attributedTo: 'coupang'},
  {node: 'coupang-active-users-2025-q3', source: 'v7n-2025-11-30'},
  {node: 'coupang-monthly-active-users-2025-12', source: 'donga-2025-12-01'},
  {node: 'park-dae-jun', source: 'azzet-coupang-2025'},
  {node: 'bae-kyung-hoon', source: 'azzet-coupang-2025'},
  {node: 'bae-kyung-hoon', source: 'v7n-2025-11-30'},
  {node: 'yoo-jae-sung', source: 'azzet-coupang-2025'},
  {node: 'coupang-breach-2025-suspect', source: 'azzet-coupang-2025', attribution: 'per Yonhap', attributedTo: 'yonhap'},
  {node: 'coupang-breach-2025-suspect', source: 'donga-2025-12-01', about: ['nationality', 'formerEmployers'],
   attribution: 'the incident report to the PIPC reportedly points to a former Chinese employee who has left the company'},
  {node: 'park-dae-jun-coupang-ceo', source: 'azzet-coupang-2025'},
  {node: 'bae-kyung-hoon-deputy-prime-minister', source: 'azzet-coupang-2025'},
  {node: 'bae-kyung-hoon-minister-of-science-and-ict', source: 'v7n-2025-11-30'},
  {node: 'yoo-jae-sung-acting-commissioner', source: 'azzet-coupang-2025'},
  {node: 'coupang-breach-2025-suspicion', source: 'azzet-coupang-2025', attribution: 'per Yonhap', attributedTo: 'yonhap'},
  {node: 'coupang-breach-2025-pipc-investigation', source: 'azzet-coupang-2025', about: ['question', 'status']},
  {node: 'coupang-breach-2025-government-investigation', source: 'azzet-coupang-2025', attribution: 'The South Korean government said', attributedTo: 'south-korea-government'},
  {node: 'coupang-breach-2025-joint-investigation', source: 'azzet-coupang-2025', about: ['kind'], attribution: 'The South Korean government said', attributedTo: 'south-korea-government'},
  {node: 'coupang-breach-2025-joint-investigation', source: 'donga-2025-12-01', about: ['authorities']},
  {node: 'coupang-breach-2025-police-investigation', source: 'donga-2025-12-01', attribution: 'police opened a probe'},
  {node: 'coupang-breach-2025-park-apology', source: 'azzet-coupang-2025', attribution: 'Coupang CEO Park Dae-jun wrote', attributedTo: 'park-dae-jun'},
  {node: 'coupang-breach-2025-park-cooperation', source: 'azzet-coupang-2025', attribution: 'according to Park', attributedTo: 'park-dae-jun'},
  {node: 'coupang-breach-2025-park-security-review', source: 'azzet-coupang-2025', attribution: 'according to Park', attributedTo: 'park-dae-jun'},
  {node: 'coupang-breach-2025-bae-authentication-loophole', source: 'azzet-coupang-2025', attribution: 'according to Bae', attributedTo: 'bae-kyung-hoon'},
  {node: 'coupang-breach-2025-bae-examining-rules', source: 'v7n-2025-11-30', attributedTo: 'bae-kyung-hoon'},
  {node: 'coupang-breach-2025-government-open-to-possibilities', source: 'azzet-coupang-2025', attribution: 'The South Korean government has said', attributedTo: 'south-korea-government'},
  {node: 'coupang-breach-2025-report-to-pipc', source: 'donga-2025-12-01'},
  {node: 'coupang-breach-2025-estimate-revised', source: 'azzet-coupang-2025'},
  {node: 'coupang-breach-2025-estimate-revised', source: 'donga-2025-12-01', about: ['date']},
  {node: 'coupang-breach-2025-public-announcement', source: 'donga-2025-12-01'},
  {node: 'coupang-breach-2025-emergency-meeting', source: 'azzet-coupang-2025'},
  {node: 'coupang-breach-2025-warning-email', source: 'azzet-coupang-2025', attribution: 'Yonhap News Agency reported', attributedTo: 'yonhap'},
  {node: 'coupang-breach-2025-police-complaint', source: 'donga-2025-12-01'},
  {node: 'coupang-breach-2025-kisa-phishing-warning', source: 'v7n-2025-11-30'}
] AS l
MATCH (n:Entity {id: l.node}), (s:Source {id: l.source})
MERGE (n)-[r:SOURCED_FROM {claim: coalesce(l.claim, 'general')}]->(s)
SET r.attribution = l.attribution, r.attributedTo = l.attributedTo, r.about = coalesce(l.about, []);

// Retracted: links earlier versions of this file drew with no source. The article's "Police"
// identified the suspect, not a named agency, and no source says the article reports the probe
// or that the National Police Agency or the Seoul agency conducts it.
MATCH (:Authority {id: 'korean-national-police-agency'})-[r:IDENTIFIED]->(:Suspicion {id: 'coupang-breach-2025-suspicion'})
DELETE r;

UNWIND ['korean-national-police-agency', 'seoul-metropolitan-police-agency'] AS id
MATCH (:Authority {id: id})-[r:CONDUCTS]->(:Investigation {id: 'coupang-breach-2025-police-investigation'})
DELETE r;

MATCH (:Investigation {id: 'coupang-breach-2025-police-investigation'})-[r:SOURCED_FROM]->(:Source {id: 'azzet-coupang-2025'})
DELETE r;
