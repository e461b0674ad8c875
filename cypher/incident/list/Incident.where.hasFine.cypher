EXISTS { (n)<-[:FOR_INCIDENT]-(:Fine) } = $f.hasFine
