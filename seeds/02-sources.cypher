// Every source the graph cites. Titles and dates are left out where the reference material
// does not give them; the seed article's date is known only as after Sunday 30 November 2025.

UNWIND [
  {id: 'azzet-coupang-2025', publisher: 'azzet', kind: 'NEWS_ARTICLE',
   url: 'https://azzet.com/news/sk-s-coupang-apologises-after-massive-data-leak',
   publishedOn: null, dateNote: 'Not given in the text; published after Sunday 30 November 2025 (late November or early December 2025).'},
  {id: 'donga-2025-12-01', publisher: 'dong-a-ilbo', kind: 'NEWS_ARTICLE',
   url: 'https://www.donga.com/en/article/all/20251201/5989531/1', publishedOn: '2025-12-01'},
  {id: 'v7n-2025-11-30', publisher: 'voice7-news', kind: 'NEWS_ARTICLE',
   url: 'https://voice7news.tv/public/business/news/25851', publishedOn: '2025-11-30'},
  {id: 'koreaherald-2025-08-28', publisher: 'korea-herald', kind: 'NEWS_ARTICLE',
   url: 'https://www.koreaherald.com/article/10563695', publishedOn: '2025-08-28'},
  {id: 'menafn-2025-08-30', publisher: 'menafn', kind: 'NEWS_ARTICLE',
   url: 'https://menafn.com/1109996386/South-Korea-Slaps-SK-Telecom-with-USD97M-Data-Breach-Fine', publishedOn: '2025-08-30'},
  {id: 'phonearena-skt-fine', publisher: 'phonearena', kind: 'NEWS_ARTICLE',
   url: 'https://www.phonearena.com/news/sk-telecom-fined-over-data-breach_id173623', publishedOn: null},
  {id: 'pipc-lguplus-2023-07-12', publisher: 'databreaches-net', kind: 'TRANSLATION',
   url: 'https://www.databreaches.net/kr-pipc-sanctions-lg-u-telecom-imposes-administrative-penalty-of-5-3-million-for-breach-along-with-corrective-orders',
   publishedOn: '2023-07-15', dateNote: 'Unofficial translation of a PIPC press release dated 12 July 2023, posted on 15 July 2023.'},
  {id: 'kbs-2023-02-17', publisher: 'kbs', kind: 'NEWS_ARTICLE',
   url: 'https://news.kbs.co.kr/news/view.do?ncd=7607857', publishedOn: '2023-02-17', language: 'ko'},
  {id: 'cambodiatribune-kakao-fine', publisher: 'cambodia-tribune', kind: 'NEWS_ARTICLE',
   url: 'https://cambodiatribune.com/lead-kakao-fined-record-15-1-bln-won-for-leak-of-open-chat-users-personal-data/',
   publishedOn: null, dateNote: 'A Yonhap News Agency report, republished.'},
  {id: 'metaconnects-2024-05-23', publisher: 'meta-connects', kind: 'NEWS_ARTICLE',
   url: 'https://www.meta-connects.com/pagenewspipcfinekrw15b-24052024', publishedOn: '2024-05-23'},
  {id: 'joongang-2024-11-12', publisher: 'korea-joongang-daily', kind: 'NEWS_ARTICLE',
   url: 'https://koreajoongangdaily.joins.com/news/2024-11-12/business/industry/Kakao-files-lawsuit-against-11-million-fine-over-data-leak/2175685',
   publishedOn: '2024-11-12'},
  {id: 'brodies-ba-marriott', publisher: 'brodies', kind: 'ANALYSIS',
   url: 'https://brodies.com/insights/ip-technology-and-data/the-ba-and-marriott-ico-fines-what-can-we-learn-from-them/', publishedOn: null},
  {id: 'tlt-ba-marriott', publisher: 'tlt', kind: 'ANALYSIS',
   url: 'https://www.tltsolicitors.com/insights-and-events/insight/lessons-from-icos-reduced-fines-for-ba-and-marriott/', publishedOn: null},
  {id: 'cfpb-equifax-settlement', publisher: 'cfpb-newsroom', kind: 'PRESS_RELEASE',
   url: 'https://www.consumerfinance.gov/about-US/newsroom/cfpb-ftc-states-announce-settlement-with-equifax-over-2017-data-breach/', publishedOn: null},
  {id: 'npr-2019-07-22', publisher: 'npr', kind: 'NEWS_ARTICLE',
   url: 'https://www.npr.org/2019/07/22/744050565/equifax-to-pay-up-to-700-million-in-data-breach-settlement', publishedOn: '2019-07-22'}
] AS s
MERGE (n:Source:Entity {id: s.id})
SET n.kind = s.kind, n.url = s.url, n.publishedOn = s.publishedOn, n.dateNote = s.dateNote,
    n.language = coalesce(s.language, 'en')
WITH n, s
MATCH (p:Publisher {id: s.publisher})
MERGE (n)-[:PUBLISHED_BY]->(p);
