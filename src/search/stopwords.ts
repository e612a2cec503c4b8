/**
 * Words that carry no topic: dropped from questions and passages alike. Among them adverbs that
 * only say how sure or how complete something is ("actually", "altogether", "completely"): "did
 * NATO stop talking altogether" asks whether NATO stopped talking.
 */
export const STOPWORDS: ReadonlySet<string> = new Set(
  `a about above after again against all also am an and any are aren as at be because been before being
  below between both but by can cannot could couldn did didn do does doesn doing don down during each few for
  from further had hadn has hasn have haven having he her here hers herself him himself his how i if in into
  is isn it its itself just let me more most mustn my myself no nor not of off on once only or other ought our
  ours ourselves out over own same shan she should shouldn so some such than that the their theirs them
  themselves then there these they this those through to too under until up us very was wasn we were weren what
  whats when where which while who whom why will with won would wouldn you your yours yourself yourselves
  s t ll re ve d m tell know show give please does anyone anybody whether thing things get got
  ever really much many any lot kind sort mean one ones
  actually even exactly basically literally truly indeed certainly definitely probably maybe perhaps
  apparently supposedly honestly seriously anyway
  altogether completely entirely totally wholly utterly absolutely
  make makes made making take takes took taken taking`
    .split(/\s+/)
    .filter(Boolean),
);
