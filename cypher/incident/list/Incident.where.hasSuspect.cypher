EXISTS { (n)<-[:IN_INCIDENT]-(:Suspicion) } = $f.hasSuspect
