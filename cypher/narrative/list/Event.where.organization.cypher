EXISTS { (n)<-[:ORGANIZED]-(:Entity {id: $f.organization}) }
