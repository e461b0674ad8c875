MATCH (this)-[:RESULTED_IN]->(n:Fine)
RETURN n
ORDER BY n.id
