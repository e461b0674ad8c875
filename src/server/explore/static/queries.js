// GraphQL documents of the explorer, written against schema/*.graphql.
// Fields of the same name but another type or nullability in two types must be aliased
// (graphql-js rejects the overlap), hence personName, sourceTitle, reportAmount, statementKind.

/** What the picture needs of any node: its type and what to call it. */
export const NODE_LABEL = `fragment NodeLabel on Node {
  __typename id
  ... on Company { name }
  ... on Authority { name }
  ... on Publisher { name }
  ... on Country { name }
  ... on DataCategory { name }
  ... on Person { personName: name description }
  ... on Incident { title }
  ... on Investigation { title }
  ... on Event { title }
  ... on Position { title }
  ... on Source { sourceTitle: title url publisher { name } }
  ... on Fine { amount { display } }
  ... on FineReport { reportAmount: amount { display } }
  ... on Estimate { value unit qualifier }
  ... on DataExposure { exposed category { name } }
  ... on Statement { statementKind: kind summary quote }
  ... on Suspicion { person { personName: name description } }
}`;

const REL = 'relationships { type from to }';

// The picture's reads take asOf (null: the graph as it stands) and fetch each node's knownOn,
// the days the date control steps through.
export const NEIGHBOURHOOD = `query ExploreNeighbourhood($id: ID!, $depth: Int, $types: [RelationshipType!], $limit: Int, $asOf: PartialDateString) {
  neighbourhood(id: $id, depth: $depth, relationshipTypes: $types, limit: $limit, asOf: $asOf) {
    center { ...NodeLabel knownOn }
    nodes { ...NodeLabel knownOn }
    ${REL}
    truncated
  }
}
${NODE_LABEL}`;

export const PATHS = `query ExplorePaths($from: ID!, $to: ID!, $maxHops: Int, $types: [RelationshipType!], $first: Int, $asOf: PartialDateString) {
  paths(from: $from, to: $to, maxHops: $maxHops, relationshipTypes: $types, first: $first, asOf: $asOf) {
    length
    nodes { ...NodeLabel knownOn }
    ${REL}
  }
}
${NODE_LABEL}`;

export const SEARCH = `query ExploreSearch($query: String!, $first: Int) {
  search(query: $query, first: $first) {
    totalCount
    edges { score matchedFields node { ...NodeLabel } }
  }
}
${NODE_LABEL}`;

export const NODE = `query ExploreNode($id: ID!) { node(id: $id) { ...NodeLabel } }
${NODE_LABEL}`;

/** One node as known on a day: the picture of a focus when no relationship type is ticked. */
export const NODE_AS_OF = `query ExploreNodeAsOf($id: ID!, $asOf: PartialDateString) { node(id: $id, asOf: $asOf) { ...NodeLabel knownOn } }
${NODE_LABEL}`;

export const RELATIONSHIP_TYPES = `query ExploreRelationshipTypes {
  __type(name: "RelationshipType") { enumValues { name } }
}`;

const DATE = '{ iso asReported }';
const REF = '{ ...NodeLabel }';
export const SOURCE_REFS = `sources {
  attribution
  about
  attributedTo {
    __typename
    ... on Company { name }
    ... on Authority { name }
    ... on Publisher { name }
    ... on Person { personName: name }
  }
  source { id title url kind publishedOn ${DATE} dateNote publisher { name } }
}`;

/**
 * The side panel's fields per type, in the order shown (as known on the picture's day, if any). One type per request, so no alias is
 * needed here; nested nodes come with their labels to show and to select.
 */
export const DETAILS = {
  Company: `name aliases sector description country ${REF} sizeFacts ${REF} ${SOURCE_REFS}`,
  Authority: `name aliases kind description country ${REF} parent ${REF} ${SOURCE_REFS}`,
  Publisher: `name aliases country ${REF}`,
  Country: 'name code',
  DataCategory: 'name hibpClass verisVariety',
  Person: `name aliases description nationality ${REF} formerEmployers ${REF} positions ${REF} ${SOURCE_REFS}`,
  Position: `title acting since ${DATE} until ${DATE} person ${REF} organization { ... on Node { ...NodeLabel } } ${SOURCE_REFS}`,
  Incident: `title kind summary company ${REF} country ${REF} accountsAffected ${REF}
    accessStart ${DATE} accessEnd ${DATE} accessDurationAsReported origin attackVector
    discoveredOn ${DATE} reportedOn ${DATE} disclosedOn ${DATE} extortion { demand ransomDemanded } ${SOURCE_REFS}`,
  Investigation: `title kind status openedOn ${DATE} question outcome incident ${REF} authorities ${REF} ${SOURCE_REFS}`,
  Fine: `kind amount { display } date ${DATE} reason authority ${REF} company ${REF} incident ${REF}
    reports { id amount { display } conversions { display } date ${DATE} } ${SOURCE_REFS}`,
  FineReport: `amount { display } conversions { display } date ${DATE} fine ${REF} ${SOURCE_REFS}`,
  Estimate: `metric qualifier value unit asOf ${DATE} note ${SOURCE_REFS}`,
  DataExposure: `exposed category ${REF} detail incident ${REF} ${SOURCE_REFS}`,
  Statement: `kind quote summary date ${DATE} speaker ${REF} onBehalfOf { ... on Node { ...NodeLabel } } incident ${REF} ${SOURCE_REFS}`,
  Event: `kind title description date ${DATE} organizer { ... on Node { ...NodeLabel } } ${SOURCE_REFS}`,
  Suspicion: `status description person ${REF} identifiedBy { ... on Node { ...NodeLabel } } incident ${REF} ${SOURCE_REFS}`,
  Source: `title kind url publishedOn ${DATE} dateNote language publisher ${REF}`,
};

export function detailsQuery(type) {
  const fields = DETAILS[type];
  if (!fields) return NODE;
  // graphql-js rejects a document with an unused fragment.
  return `query ExploreDetails($id: ID!, $asOf: PartialDateString) { node(id: $id, asOf: $asOf) { __typename id knownOn ... on ${type} { ${fields} } } }
${fields.includes('...NodeLabel') ? NODE_LABEL : ''}`;
}

/** The sources of one node, for the panel of a relationship (types without sources get none). */
export function sourcesQuery(type) {
  if (!DETAILS[type]?.includes('sources {')) return null;
  return `query ExploreSources($id: ID!, $asOf: PartialDateString) { node(id: $id, asOf: $asOf) { __typename id ... on ${type} { ${SOURCE_REFS} } } }`;
}

/** An entity's changes, newest first, a page at a time (the side panel's History). */
export const HISTORY = `query ExploreHistory($id: ID!, $first: Int, $after: String) {
  history(id: $id, first: $first, after: $after) {
    edges { node {
      id at operation requestId reason revertOf
      actor { subject role }
      properties { entity property before after }
      sources { id title url publisher { name } }
    } }
    pageInfo { hasNextPage endCursor }
  }
}`;
