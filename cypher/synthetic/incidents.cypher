// One batch of synthetic incidents with their fan-out: source, estimates, exposures,
// investigations, fines with reports, suspects, statements. Every node is :Synthetic.
// No empty lists (about, aliases, conversions): readers take a missing list as empty, and the bulk
// path's importer cannot store one, so both paths write the same graph (src/synthetic/csv.ts).
UNWIND $rows AS r
MATCH (c:Company {id: r.company}), (k:Country {id: r.country}), (pub:Publisher {id: r.publisher})
CREATE (i:Incident:Entity:Synthetic {id: r.id, title: r.title, kind: r.kind, summary: r.summary,
        accessStart: r.accessStart, disclosedOn: r.disclosedOn, origin: r.origin})
CREATE (i)-[:AFFECTED]->(c)
CREATE (i)-[:IN_COUNTRY]->(k)
CREATE (src:Source:Entity:Synthetic {id: r.id + '-source', kind: 'NEWS_ARTICLE', title: r.sourceTitle,
        publishedOn: r.disclosedOn, language: 'en'})
CREATE (src)-[:PUBLISHED_BY]->(pub)
CREATE (i)-[:SOURCED_FROM {claim: 'general'}]->(src)
WITH i, r, src, c
CALL (i, r, src) {
  UNWIND r.estimates AS e
  CREATE (x:Estimate:Entity:Synthetic {id: e.id, metric: 'AFFECTED', value: e.value, qualifier: e.qualifier, unit: 'accounts', asOf: e.asOf})
  CREATE (i)-[:HAS_ESTIMATE]->(x)
  CREATE (x)-[:SOURCED_FROM {claim: 'general'}]->(src)
}
CALL (i, r, src) {
  UNWIND r.categories AS cat
  MATCH (d:DataCategory {id: cat})
  CREATE (x:DataExposure:Entity:Synthetic {id: r.id + '--' + cat, exposed: true})
  CREATE (i)-[:HAS_EXPOSURE]->(x)
  CREATE (x)-[:OF_CATEGORY]->(d)
  CREATE (x)-[:SOURCED_FROM {claim: 'general'}]->(src)
}
CALL (i, r, src) {
  UNWIND r.investigations AS v
  CREATE (inv:Investigation:Entity:Synthetic {id: v.id, title: v.title, kind: v.kind, status: v.status, openedOn: v.openedOn, question: v.question})
  CREATE (inv)-[:INTO]->(i)
  CREATE (inv)-[:SOURCED_FROM {claim: 'general'}]->(src)
  WITH inv, v
  UNWIND v.authorities AS aid
  MATCH (a:Authority {id: aid})
  CREATE (a)-[:CONDUCTS]->(inv)
}
CALL (i, r, src, c) {
  UNWIND r.fines AS fn
  MATCH (a:Authority {id: fn.authority}), (inv:Investigation {id: fn.investigation})
  CREATE (f:Fine:Entity:Synthetic {id: fn.id, kind: fn.kind, reason: fn.reason})
  CREATE (a)-[:IMPOSED]->(f)
  CREATE (f)-[:AGAINST]->(c)
  CREATE (f)-[:FOR_INCIDENT]->(i)
  CREATE (inv)-[:RESULTED_IN]->(f)
  CREATE (f)-[:SOURCED_FROM {claim: 'general'}]->(src)
  WITH f, fn
  UNWIND fn.reports AS rp
  CREATE (x:FineReport:Entity:Synthetic {id: rp.id, amount: rp.amount, currency: fn.currency, date: rp.date})
  CREATE (f)-[:REPORTED_AS]->(x)
}
CALL (i, r, src, c) {
  UNWIND r.suspects AS sp
  MATCH (nat:Country {id: sp.nationality})
  CREATE (p:Person:Entity:Synthetic {id: sp.id, name: sp.name, description: sp.description})
  CREATE (s:Suspicion:Entity:Synthetic {id: sp.id + '-suspicion', status: 'IDENTIFIED_AS_SUSPECT'})
  CREATE (p)-[:SUBJECT_OF]->(s)
  CREATE (s)-[:IN_INCIDENT]->(i)
  CREATE (p)-[:NATIONAL_OF]->(nat)
  CREATE (p)-[:SOURCED_FROM {claim: 'general'}]->(src)
  CREATE (s)-[:SOURCED_FROM {claim: 'general'}]->(src)
}
CALL (i, r, src, c) {
  UNWIND r.statements AS st
  CREATE (x:Statement:Entity:Synthetic {id: st.id, kind: st.kind, quote: st.quote, date: r.disclosedOn})
  CREATE (x)-[:ABOUT]->(i)
  CREATE (x)-[:ON_BEHALF_OF]->(c)
  CREATE (x)-[:SOURCED_FROM {claim: 'general'}]->(src)
}
