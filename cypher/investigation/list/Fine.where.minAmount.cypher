// sortAmount is currency + ' ' + amountKey: its range is "this currency, at least this amount", and
// the only index this predicate offers, so a walk in amount order seeks straight to it and stops.
n.sortAmount >= $f.sortAmountFrom AND n.sortAmount < $f.sortAmountTo
