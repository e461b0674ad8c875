MATCH (n:Event)
