MATCH (this)<-[:INTO]-(n:Investigation)
RETURN n
ORDER BY n.openedOn, n.id
