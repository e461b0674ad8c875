// Constraints and indexes, applied at start-up and by `npm run seed` before any data.
// Every node carries :Entity plus its type label; Entity.id is unique across all types, so
// node(id) is one index lookup and an id can never name two things.
CREATE CONSTRAINT entity_id IF NOT EXISTS FOR (n:Entity) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT company_id IF NOT EXISTS FOR (n:Company) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT authority_id IF NOT EXISTS FOR (n:Authority) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT publisher_id IF NOT EXISTS FOR (n:Publisher) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT person_id IF NOT EXISTS FOR (n:Person) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT position_id IF NOT EXISTS FOR (n:Position) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT suspicion_id IF NOT EXISTS FOR (n:Suspicion) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT incident_id IF NOT EXISTS FOR (n:Incident) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT exposure_id IF NOT EXISTS FOR (n:DataExposure) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT estimate_id IF NOT EXISTS FOR (n:Estimate) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT investigation_id IF NOT EXISTS FOR (n:Investigation) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT fine_id IF NOT EXISTS FOR (n:Fine) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT fine_report_id IF NOT EXISTS FOR (n:FineReport) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT statement_id IF NOT EXISTS FOR (n:Statement) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT event_id IF NOT EXISTS FOR (n:Event) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT source_id IF NOT EXISTS FOR (n:Source) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT data_category_id IF NOT EXISTS FOR (n:DataCategory) REQUIRE n.id IS UNIQUE;
// The ECB's reference rates by publication day (seeds/07-ecb-reference-rates.cypher): a fine's rates are one
// seek, and the latest day on or before a date is the first entry of a backward walk from it.
CREATE CONSTRAINT ecb_rates_date IF NOT EXISTS FOR (n:EcbRates) REQUIRE n.date IS UNIQUE;
CREATE CONSTRAINT country_id IF NOT EXISTS FOR (n:Country) REQUIRE n.id IS UNIQUE;
// The curators' changes (src/write/): not entities; history and the changes feed walk Change.at.
CREATE CONSTRAINT change_id IF NOT EXISTS FOR (n:Change) REQUIRE n.id IS UNIQUE;
CREATE INDEX change_at IF NOT EXISTS FOR (n:Change) ON (n.at);
// Nodes out of reads but kept for their history (src/write/): a retracted fact, a node merged into
// another (a redirect); writes find them by id. Ids stay unique across states: a retracted or
// merged id is never given to a new node (src/write/ makes new ids that cannot collide).
CREATE CONSTRAINT retracted_id IF NOT EXISTS FOR (n:Retracted) REQUIRE n.id IS UNIQUE;
CREATE CONSTRAINT redirect_id IF NOT EXISTS FOR (n:Redirect) REQUIRE n.id IS UNIQUE;
// A mutation retried with the same Idempotency-Key returns the first result (src/write/mutate.ts).
CREATE CONSTRAINT idempotency_key_id IF NOT EXISTS FOR (k:IdempotencyKey) REQUIRE k.id IS UNIQUE;
CREATE INDEX idempotency_key_at IF NOT EXISTS FOR (k:IdempotencyKey) ON (k.at);
// addSource returns the source already in the graph with the URL it is given.
CREATE INDEX source_url IF NOT EXISTS FOR (n:Source) ON (n.url);

// Properties that list queries filter and sort on.
CREATE INDEX incident_disclosed IF NOT EXISTS FOR (n:Incident) ON (n.disclosedOn);
CREATE INDEX incident_access_start IF NOT EXISTS FOR (n:Incident) ON (n.accessStart);
CREATE INDEX incident_kind IF NOT EXISTS FOR (n:Incident) ON (n.kind);
CREATE INDEX fine_date IF NOT EXISTS FOR (n:Fine) ON (n.date);
CREATE INDEX fine_currency IF NOT EXISTS FOR (n:Fine) ON (n.currency);
CREATE INDEX authority_kind IF NOT EXISTS FOR (n:Authority) ON (n.kind);
CREATE INDEX source_published IF NOT EXISTS FOR (n:Source) ON (n.publishedOn);
CREATE INDEX incident_accounts_affected IF NOT EXISTS FOR (n:Incident) ON (n.accountsAffected);
CREATE INDEX incident_title IF NOT EXISTS FOR (n:Incident) ON (n.title);
CREATE INDEX fine_amount_key IF NOT EXISTS FOR (n:Fine) ON (n.currency, n.amountKey);
CREATE INDEX fine_year IF NOT EXISTS FOR (n:Fine) ON (n.year);

// Reads "as known on" a day: the first day anything counts as known (cypher/asof/earliest.cypher).
CREATE INDEX entity_known_on IF NOT EXISTS FOR (n:Entity) ON (n.knownOn);
// The largest incidents as known on a day: estimates by the value they had where they were a best value.
CREATE INDEX estimate_ever_best_accounts IF NOT EXISTS FOR (n:Estimate) ON (n.everBestAccounts);
CREATE INDEX estimate_ever_best_records IF NOT EXISTS FOR (n:Estimate) ON (n.everBestRecords);
CREATE INDEX estimate_ever_best_people IF NOT EXISTS FOR (n:Estimate) ON (n.everBestPeople);

// Sort keys of root lists (kept by seeds/99-derived-values.cypher): a page in any order is an
// index walk that stops after the page.
CREATE INDEX incident_sort_title IF NOT EXISTS FOR (n:Incident) ON (n.sortTitle);
CREATE INDEX incident_sort_accounts IF NOT EXISTS FOR (n:Incident) ON (n.sortAccounts);
CREATE INDEX incident_sort_disclosed IF NOT EXISTS FOR (n:Incident) ON (n.sortDisclosedOn);
CREATE INDEX incident_sort_access_start IF NOT EXISTS FOR (n:Incident) ON (n.sortAccessStart);
// relatedIncidents: an incident's country or sector, then its date (seeds/99-derived-values.cypher).
CREATE INDEX in_country_related_key IF NOT EXISTS FOR ()-[r:IN_COUNTRY]-() ON (r.relatedKey);
CREATE INDEX affected_related_key IF NOT EXISTS FOR ()-[r:AFFECTED]-() ON (r.relatedKey);
CREATE INDEX fine_sort_amount IF NOT EXISTS FOR (n:Fine) ON (n.sortAmount);
CREATE INDEX fine_sort_date IF NOT EXISTS FOR (n:Fine) ON (n.sortDate);
CREATE INDEX investigation_sort_opened IF NOT EXISTS FOR (n:Investigation) ON (n.sortOpenedOn);
CREATE INDEX investigation_sort_title IF NOT EXISTS FOR (n:Investigation) ON (n.sortTitle);
CREATE INDEX company_sort_name IF NOT EXISTS FOR (n:Company) ON (n.sortName);
CREATE INDEX authority_sort_name IF NOT EXISTS FOR (n:Authority) ON (n.sortName);
CREATE INDEX person_sort_name IF NOT EXISTS FOR (n:Person) ON (n.sortName);
CREATE INDEX source_sort_published IF NOT EXISTS FOR (n:Source) ON (n.sortPublishedOn);
CREATE INDEX incident_sort_records IF NOT EXISTS FOR (n:Incident) ON (n.sortRecords);
CREATE INDEX incident_sort_people IF NOT EXISTS FOR (n:Incident) ON (n.sortPeople);
CREATE INDEX fine_sort_usd IF NOT EXISTS FOR (n:Fine) ON (n.sortUsd);
CREATE INDEX statement_sort_date IF NOT EXISTS FOR (n:Statement) ON (n.sortDate);
CREATE INDEX event_sort_date IF NOT EXISTS FOR (n:Event) ON (n.sortDate);

// Full-text search over names, aliases (local-language names too), titles, summaries, quotes,
// a fine's reason, an investigation's question and outcome, and what
// seeds/99-derived-values.cypher keeps for search: the attributions inside the sources
// (searchAttributions) and an incident's exposure details (searchExposed, searchNotExposed).
// Renamed (entity_search, then entity_search_2) each time it gained labels and properties: an
// index keeps its first definition under IF NOT EXISTS, so the old one is dropped and the new one built.
DROP INDEX entity_search IF EXISTS;
DROP INDEX entity_search_2 IF EXISTS;
CREATE FULLTEXT INDEX entity_search_3 IF NOT EXISTS
FOR (n:Company|Authority|Person|Incident|Source|Statement|Publisher|Event|Fine|Investigation|Position)
ON EACH [n.name, n.aliases, n.title, n.summary, n.description, n.quote, n.url, n.reason, n.question, n.outcome, n.searchAttributions, n.searchExposed, n.searchNotExposed]
OPTIONS {indexConfig: {`fulltext.analyzer`: 'standard-no-stop-words'}};

// API keys of service accounts (npm run keys): a request's key is found by its id.
CREATE CONSTRAINT api_key_id IF NOT EXISTS FOR (k:ApiKey) REQUIRE k.id IS UNIQUE;
