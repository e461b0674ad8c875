// Composite index (currency, amountKey): an exact, per-currency range seek.
MATCH (n:Fine)
WHERE n.currency = $f.currency AND n.amountKey >= $f.minAmountKey
