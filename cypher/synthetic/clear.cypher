// Removes every synthetic node (and its relationships); curated data carries no :Synthetic label.
MATCH (n:Synthetic)
CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS
