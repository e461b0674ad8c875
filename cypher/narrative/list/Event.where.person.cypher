EXISTS { (n)<-[:ATTENDED]-(:Person {id: $f.person}) }
