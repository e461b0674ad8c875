// Starts GraphiQL against this server, with the saved examples as tabs: the queries, and the
// curators' mutations with their variables (the token goes in the Headers tab, as their comment says).
(async () => {
  const examples = await (await fetch('/ide/examples.json')).json();
  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher,
    defaultEditorToolsVisibility: true,
    defaultTabs: examples.map((e) => ({ query: e.query, variables: e.variables ? JSON.stringify(e.variables, null, 2) : undefined })),
  }, React.createElement(GraphiQL.Logo, null, 'GraphiQL · ', React.createElement('a', { href: '/explore', id: 'explore-link' }, 'Graph explorer'))));
})();
