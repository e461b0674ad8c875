// Companies and authorities, named as the sources name them: a full name, sector or alias no
// source gives is left out (the ICO, CFPB and FTC appear in the sources only by these names).

UNWIND [
  {id: 'coupang', name: 'Coupang', country: 'KR', sector: 'E-commerce',
   description: "South Korean e-commerce retailer; South Korea's largest online retailer."},
  {id: 'sk-telecom', name: 'SK Telecom', country: 'KR', sector: 'Telecommunications',
   description: 'South Korean telecom company with LTE and 5G subscribers.'},
  {id: 'lg-uplus', name: 'LG Uplus', aliases: ['LG Uplus Corp.', 'LG U+'], country: 'KR', sector: 'Telecommunications'},
  {id: 'kakao', name: 'Kakao', aliases: ['Kakao Corp.'], country: 'KR'},
  {id: 'golfzon', name: 'Golfzon'},
  {id: 'google', name: 'Google'},
  {id: 'british-airways', name: 'British Airways', country: 'GB'},
  {id: 'marriott', name: 'Marriott'},
  {id: 'equifax', name: 'Equifax', country: 'US'}
] AS c
MERGE (n:Company:Entity {id: c.id})
SET n.name = c.name, n.aliases = coalesce(c.aliases, []), n.sector = c.sector, n.description = c.description
WITH n, c WHERE c.country IS NOT NULL
MATCH (k:Country {id: c.country})
MERGE (n)-[:IN_COUNTRY]->(k);

UNWIND [
  {id: 'pipc', name: 'Personal Information Protection Commission', aliases: ['PIPC'], kind: 'REGULATOR', country: 'KR',
   description: "South Korea's data-protection regulator, launched in 2020."},
  {id: 'korean-national-police-agency', name: 'National Police Agency', kind: 'LAW_ENFORCEMENT', country: 'KR'},
  {id: 'south-korean-police', name: 'Police', kind: 'LAW_ENFORCEMENT', country: 'KR',
   description: 'The police as the seed article (per Yonhap) and Dong-A Ilbo name them, without saying which agency.'},
  {id: 'seoul-metropolitan-police-agency', name: 'Seoul Metropolitan Police Agency', kind: 'LAW_ENFORCEMENT', country: 'KR',
   description: 'Its cyber investigation unit received Coupang’s complaint.'},
  {id: 'south-korea-government', name: 'South Korean government', aliases: ['South Korea’s government'], kind: 'GOVERNMENT', country: 'KR'},
  {id: 'ministry-of-science-and-ict', name: 'Ministry of Science and ICT', kind: 'MINISTRY', country: 'KR'},
  {id: 'kisa', name: 'Korea Internet & Security Agency', aliases: ['KISA'], kind: 'PUBLIC_AGENCY', country: 'KR'},
  {id: 'coupang-joint-investigation-team', name: 'Joint public-private investigation team on the Coupang breach',
   kind: 'JOINT_TEAM', country: 'KR',
   description: 'Task force through which the PIPC and the Ministry of Science and ICT investigate the Coupang breach.'},
  {id: 'ico', name: 'ICO', kind: 'REGULATOR', country: 'GB'},
  {id: 'cfpb', name: 'CFPB', kind: 'REGULATOR', country: 'US'},
  {id: 'ftc', name: 'FTC', kind: 'REGULATOR', country: 'US'}
] AS a
MERGE (n:Authority:Entity {id: a.id})
SET n.name = a.name, n.aliases = coalesce(a.aliases, []), n.kind = a.kind, n.description = a.description
WITH n, a
MATCH (k:Country {id: a.country})
MERGE (n)-[:IN_COUNTRY]->(k);

UNWIND [
  {node: 'coupang', source: 'azzet-coupang-2025', about: ['name', 'sector', 'description']},
  {node: 'coupang', source: 'donga-2025-12-01'},
  {node: 'sk-telecom', source: 'azzet-coupang-2025'},
  {node: 'sk-telecom', source: 'koreaherald-2025-08-28', about: ['description']},
  {node: 'sk-telecom', source: 'menafn-2025-08-30', about: ['sector', 'description']},
  {node: 'lg-uplus', source: 'pipc-lguplus-2023-07-12', attribution: 'PIPC press release', attributedTo: 'pipc'},
  {node: 'lg-uplus', source: 'menafn-2025-08-30', about: ['sector']},
  {node: 'kakao', source: 'cambodiatribune-kakao-fine'},
  {node: 'golfzon', source: 'cambodiatribune-kakao-fine'},
  {node: 'google', source: 'menafn-2025-08-30'},
  {node: 'british-airways', source: 'brodies-ba-marriott'},
  {node: 'marriott', source: 'brodies-ba-marriott'},
  {node: 'equifax', source: 'cfpb-equifax-settlement'},
  {node: 'pipc', source: 'azzet-coupang-2025'},
  {node: 'pipc', source: 'koreaherald-2025-08-28', about: ['description']},
  {node: 'korean-national-police-agency', source: 'azzet-coupang-2025'},
  {node: 'south-korean-police', source: 'azzet-coupang-2025', attribution: 'per Yonhap', attributedTo: 'yonhap'},
  {node: 'south-korean-police', source: 'donga-2025-12-01'},
  {node: 'seoul-metropolitan-police-agency', source: 'donga-2025-12-01'},
  {node: 'south-korea-government', source: 'azzet-coupang-2025'},
  {node: 'ministry-of-science-and-ict', source: 'donga-2025-12-01'},
  {node: 'kisa', source: 'v7n-2025-11-30'},
  {node: 'coupang-joint-investigation-team', source: 'donga-2025-12-01'},
  {node: 'coupang-joint-investigation-team', source: 'azzet-coupang-2025'},
  {node: 'ico', source: 'brodies-ba-marriott'},
  {node: 'cfpb', source: 'cfpb-equifax-settlement'},
  {node: 'ftc', source: 'cfpb-equifax-settlement'}
] AS l
MATCH (n:Entity {id: l.node}), (s:Source {id: l.source})
MERGE (n)-[r:SOURCED_FROM {claim: coalesce(l.claim, 'general')}]->(s)
SET r.attribution = l.attribution, r.attributedTo = l.attributedTo, r.about = coalesce(l.about, []);
