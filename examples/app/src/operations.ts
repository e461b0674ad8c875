import { graphql } from './gql/index.js';

/** An incident page: what happened, to whom, how many, who investigates, the fines, and who says so. */
export const IncidentPage = graphql(`
  query IncidentPage($id: ID!) {
    incident(id: $id) {
      id
      displayName
      kind
      summary
      company { id displayName country { displayName } }
      accessStart { iso precision asReported }
      accountsAffected { value qualifier unit asOf { iso precision } }
      exposedData { category { id displayName } }
      investigations { id displayName status authorities { id displayName } }
      fines { id amount { amount currency display } }
      sources { attribution source { displayName url publisher { displayName } } }
    }
  }
`);

/** A filtered list of fines, largest first, walked page by page with its cursors. */
export const FinesPage = graphql(`
  query FinesPage($filter: FineFilter, $first: Int!, $after: String) {
    fines(filter: $filter, orderBy: [{ field: AMOUNT, direction: DESC }], first: $first, after: $after) {
      totalCount
      pageInfo { hasNextPage endCursor }
      edges {
        node {
          id
          amount { amount currency display }
          date { iso precision }
          authority { id displayName }
          company { id displayName }
        }
      }
    }
  }
`);

/** Search over every kind of result: displayName is on all of them, so no aliases are needed. */
export const Search = graphql(`
  query Search($query: String!, $first: Int!) {
    search(query: $query, first: $first) {
      totalCount
      edges {
        score
        matchedFields
        node {
          __typename
          ... on Named { id displayName }
        }
      }
    }
  }
`);

/** The mission's trace: the breach -> who investigates it -> that body's fines -> the breaches they were for. */
export const MissionTrace = graphql(`
  query MissionTrace($id: ID!) {
    incident(id: $id) {
      id
      displayName
      investigations {
        displayName
        authorities {
          id
          displayName
          finesImposed {
            id
            amount { amount currency display }
            company { displayName }
            incident { id displayName }
          }
        }
      }
    }
  }
`);
