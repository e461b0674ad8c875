// $f.sector is the filter lower-cased, letters and digits only (src/modules/organization/sector.ts).
// The stored sector is cut the same way into its words ("E-commerce": "e", "commerce") and read as
// one run of them ("ecommerce"); the filter must start either.
reduce(s = '', ch IN split(toLower(n.sector), '') | s + CASE WHEN ch =~ '[\\p{L}\\p{N}]' THEN ch ELSE '' END) STARTS WITH $f.sector
  OR any(w IN reduce(ws = [''], ch IN split(toLower(n.sector), '') |
           CASE WHEN ch =~ '[\\p{L}\\p{N}]' THEN ws[..-1] + [ws[-1] + ch] ELSE ws + [''] END)
         WHERE w STARTS WITH $f.sector)
