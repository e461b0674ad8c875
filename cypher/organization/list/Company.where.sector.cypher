toLower(n.sector) = toLower($f.sector)
