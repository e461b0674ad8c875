EXISTS { (n)<-[:MADE]-(:Person {id: $f.person}) }
