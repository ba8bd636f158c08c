/**
 * Words that carry no topic: function words and chat filler in both languages. They never
 * count against a question's coverage (a question is "about" its other words).
 */
import { fold } from './text.js';

/** Folded, as the engine's words are (see `normalize`). */
export const STOPWORDS = new Set(
  `a an the of to in on at for by with from as is are was were be been being am do does did doing done have has had having will would shall should can could may might must it its it's this that these those there here their them they he she his her we our us you your i me my mine and or but if so then than too also very just only really actually about into over under out up down off again some any no not yes ok okay please pls plz thx kindly tell know want wanna need like let lets let's get got give show say explain find whats what's who's whos how hows how's whats thing things stuff something anything bit one ones kind sort much many more most other others such same each own both per via vs etc eh hmm um uh oh well anyway btw hey so currently now re exactly exact practice actually basically quickly quick short shortly briefly brief simple simply generally general mean means meant regarding concerning related relating relate relates exist exists guess wonder wondering trying try tries
  ja entä entäs entäpä mites mitenkäs samoin tai sekä eli vai mutta että jos kun kuin niin myös vielä jo nyt sitten siis nyt on ovat oli olivat ole olla olen olet olemme olette ei en et emme ette eivät se ne tämä nämä tuo nuo sen niiden tämän näiden tuon siitä siihen sitä tästä tähän tätä näistä noista minä sinä hän me te he mä sä mun sun mulle sulle minulle sinulle meille teille kertoisitko kerrotko voitko voisitko haluaisin haluan tietää tiedätkö osaatko kiinnostaa kiinnostaisi onko ovatko oliko olisiko onks onkohan ois olis vaan vain ihan aika tosi todella siinä sillä joka jotka mikä mitkä mitä mitäs noin esim esimerkiksi kanssa mukaan koskien liittyen osalta suhteen hei no niinku niiku juu joo jep kyllä ok okei plz please kiitos kiitti jne yms ihme ihmeen kuinka haluta halutaan halutaanko halusin tehdä tehdään tehty tehtiin lyhyesti yleisesti oikein oikeastaan tarkalleen miten jotain jotakin mitään tän tää toi noi tämmöinen juttu jutun jutussa asia asiat asioista`
    .split(/\s+/)
    .map(fold),
);
