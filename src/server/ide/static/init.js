// Starts GraphiQL against this server, with the saved example queries as tabs.
(async () => {
  const examples = await (await fetch('/ide/examples.json')).json();
  const fetcher = GraphiQL.createFetcher({ url: '/graphql' });
  const root = ReactDOM.createRoot(document.getElementById('graphiql'));
  root.render(React.createElement(GraphiQL, {
    fetcher,
    defaultEditorToolsVisibility: true,
    defaultTabs: examples.map((e) => ({ query: e.query })),
  }, React.createElement(GraphiQL.Logo, null, 'GraphiQL · ', React.createElement('a', { href: '/explore', id: 'explore-link' }, 'Graph explorer'))));
})();
