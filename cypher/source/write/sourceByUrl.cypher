// The source already in the graph with this URL or this id (the id is made from the URL), if any:
// addSource returns it instead of adding a second one.
OPTIONAL MATCH (byId:Source {id: $id})
OPTIONAL MATCH (byUrl:Source {url: $url})
WITH coalesce(byId, byUrl) AS s
WHERE s IS NOT NULL
RETURN s {.*, _labels: labels(s)} AS source
LIMIT 1
