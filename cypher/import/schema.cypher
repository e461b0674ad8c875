// Indexes the importer looks things up by: a catalogue's row among imported nodes, a Source by URL.
CREATE INDEX imported_row IF NOT EXISTS FOR (n:Entity) ON (n.catalogue, n.row);
CREATE INDEX source_url IF NOT EXISTS FOR (n:Source) ON (n.url);
