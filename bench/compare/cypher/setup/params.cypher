// The benchmark's parameters that depend on the generated graph: the synthetic company with the
// most incidents (kind 4 then pages through a full page) and the synthetic authority with the
// most fines in KRW (kind 5). Ties go to the smaller id, so a graph always gives the same pick.
CALL () {
  MATCH (c:Company:Synthetic)<-[:AFFECTED]-(:Incident)
  WITH c, count(*) AS incidents
  ORDER BY incidents DESC, c.id
  LIMIT 1
  RETURN c.id AS company
}
CALL () {
  MATCH (a:Authority:Synthetic)-[:IMPOSED]->(f:Fine)
  WHERE f.currency = 'KRW'
  WITH a, count(*) AS fines
  ORDER BY fines DESC, a.id
  LIMIT 1
  RETURN a.id AS authority
}
RETURN company, authority
