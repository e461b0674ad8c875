// The sortAmount range lets a walk in amount order seek to the currency and minimum.
n.currency = $f.currency AND n.amountKey >= $f.minAmountKey
  AND n.sortAmount >= $f.sortAmountFrom AND n.sortAmount < $f.sortAmountTo
