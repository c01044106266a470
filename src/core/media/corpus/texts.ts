/**
 * The labelled corpus: short news-style texts written for Parley's tests, in Norwegian bokmål
 * and nynorsk, Spanish and English, with Danish and Swedish distractors. Every text says its
 * language; a mention of a registered actor is marked `[words|key]` (the markup is removed
 * before the text is analysed, and the marked words' offsets are the expected ones); `q` lists
 * the speakers of the text's quotations in order (a key of `corpusActors`, or null where the
 * text does not say who spoke).
 */

/** A language the corpus is labelled with. */
export type CorpusLanguage = 'nb' | 'nn' | 'es' | 'en' | 'da' | 'sv';

/** One labelled text: language, marked text, speakers of its quotes in order. */
export type CorpusEntry = [lang: CorpusLanguage, marked: string, q: (string | null)[]];

/** Every labelled text. */
export const corpusTexts: CorpusEntry[] = [
  // ── Norwegian bokmål ───────────────────────────────────────────────────────────────────────
  [
    'nb',
    '[Støre|store] sier at regjeringen ikke vil kommentere hvor samtalene foregår. «Vi bekrefter verken det ene eller det andre», sa han til [NRK|nrk] torsdag kveld.',
    ['store'],
  ],
  [
    'nb',
    '– Vi er klare til å fortsette samtalene så snart partene ønsker det, sier [Barth Eide|eide].\nUtenriksministeren vil ikke si hvor neste møte skal holdes.',
    ['eide'],
  ],
  [
    'nb',
    '[Maduro|maduro] takket [Norge|norge] i en video som ble lagt ut søndag. «Vi er takknemlige for den norske innsatsen», sa presidenten.',
    [null],
  ],
  [
    'nb',
    '[Machados|machado] parti mener forhandlingene bare er et spill for galleriet. – Regjeringen vil bare kjøpe seg tid, sier [Machado|machado] til avisen.',
    ['machado'],
  ],
  [
    'nb',
    'Opposisjonsleder [Juan Guaidó|guaido] sier at han fortsatt har tillit til den norske tilretteleggingen. «Dette er ikke et svik», skriver han på Twitter.',
    ['guaido'],
  ],
  [
    'nb',
    '[Erna Solberg|solberg] kritiserer regjeringen for å holde Stortinget utenfor. «Vi vet ikke hva som er lovet», sier [Solberg|solberg].',
    ['solberg'],
  ],
  [
    'nb',
    '[FN|fn] støtter de norske samtalene, og generalsekretær [António Guterres|guterres] ber partene holde ut. – Det finnes ingen annen vei enn dialog, sa [Guterres|guterres] i New York.',
    ['guterres'],
  ],
  [
    'nb',
    'Ifølge [NRK|nrk] møttes delegasjonene på et hotell utenfor Oslo i helgen. Hverken Utenriksdepartementet eller [Maduros|maduro] kontor ønsker å bekrefte opplysningene.',
    [],
  ],
  [
    'nb',
    '[EU|eu] vurderer nye sanksjoner dersom samtalene bryter sammen. «Vi følger situasjonen nøye», skriver en talsperson i en uttalelse.',
    [null],
  ],
  [
    'nb',
    '[Leopoldo López|lopez] kaller samtalene «en stor feil» og mener regjeringen bare vil vinne tid.',
    ['lopez'],
  ],
  [
    'nb',
    'Statsminister [Jonas Gahr Støre|store] vil ikke svare på spørsmål om hvor lenge [Norge|norge] skal være tilrettelegger. – Det får partene avgjøre, sier han.',
    ['store'],
  ],
  [
    'nb',
    '[Capriles|capriles] sier at opposisjonen er splittet i synet på forhandlingene. «Vi må snakke med én stemme», sa [Capriles|capriles] på et møte i Caracas.',
    ['capriles'],
  ],
  [
    'nb',
    'Den amerikanske utenriksministeren [Antony Blinken|blinken] sier at USA følger med. «Vi støtter en forhandlet løsning», sa [Blinken|blinken] etter møtet.',
    ['blinken'],
  ],
  [
    'nb',
    '[Støres|store] rådgivere har ikke kommentert saken. Departementet viser til at samtalene er fortrolige og at det ikke vil gis flere opplysninger.',
    [],
  ],
  [
    'nb',
    'Regjeringens forhandlingsleder [Jorge Rodríguez|rodriguez] landet på Gardermoen tirsdag. – Vi kommer i god tro, sa [Jorge Rodríguez|rodriguez] til journalistene.',
    ['rodriguez'],
  ],
  [
    'nb',
    'Colombias president [Gustavo Petro|petro] tilbyr seg å være vertskap for neste runde. «Bogotá står klar», skriver [Petro|petro] på sosiale medier.',
    ['petro'],
  ],
  [
    'nb',
    'Kilder sier til [NRK|nrk] at partene er uenige om valgdatoen. «Det er langt igjen», sier en diplomat som ikke vil stå frem med navn.',
    [null],
  ],
  [
    'nb',
    'Opposisjonsalliansen [Plataforma Unitaria|plataforma] har sendt en delegasjon på fem personer. [Guaidó|guaido] er ikke selv med på reisen.',
    [],
  ],
  [
    'nb',
    '[Cuba|cuba] og [Norge|norge] var garantister i fredsprosessen i Colombia. Nå ber flere om at de to landene får samme rolle igjen.',
    [],
  ],
  [
    'nb',
    '– Vi har ikke gitt opp håpet om en avtale før jul, sier [Barth Eide|eide].\n– Men det krever at begge parter strekker seg, legger han til.',
    ['eide', 'eide'],
  ],
  [
    'nb',
    '[Maduro|maduro] anklager opposisjonen for å sabotere samtalene. «De vil ikke ha fred», sa [Maduro|maduro] i en tale på statlig fjernsyn.',
    ['maduro'],
  ],
  [
    'nb',
    'Forsker ved NUPI mener at [Norges|norge] rolle er mer krevende enn i Colombia fordi det er flere aktører med vetorett.',
    [],
  ],
  [
    'nb',
    '[Machado|machado] har ikke fått reise ut av landet. Hun sier at hun er blitt stoppet på flyplassen tre ganger. «Jeg blir ikke stille», sa hun.',
    ['machado'],
  ],
  [
    'nb',
    '[Solberg|solberg] mener regjeringen bør orientere Stortinget i et lukket møte. – Dette handler om tillit, sier [Erna Solberg|solberg].',
    ['solberg'],
  ],
  [
    'nb',
    'Generalsekretæren i [FN|fn] ønsker velkommen at samtalene er gjenopptatt. [FNs|fn] talsperson sa at organisasjonen er klar til å bistå med valgobservatører.',
    [],
  ],
  [
    'nb',
    '[Guaidó|guaido] sier at han ikke stoler på regjeringen. «Vi har sett dette før», sa han på en pressekonferanse onsdag.',
    ['guaido'],
  ],
  [
    'nb',
    'Utenriksminister [Espen Barth Eide|eide] reiser til Caracas neste uke. Han skal møte både regjeringen og opposisjonen, opplyser departementet.',
    [],
  ],
  [
    'nb',
    '[Blinken|blinken] og [Støre|store] snakket sammen på telefon fredag. «Vi er enige om at dialog er eneste vei», sa [Støre|store] etterpå.',
    ['store'],
  ],
  [
    'nb',
    'Opposisjonen krever at politiske fanger løslates før neste runde. – Uten løslatelser blir det ingen avtale, sier [López|lopez].',
    ['lopez'],
  ],
  [
    'nb',
    '[Maduro|maduro] sier han vil sende sin sønn til Oslo som observatør. Opposisjonen kaller det en provokasjon.',
    [],
  ],
  [
    'nb',
    'I et intervju med [NRK|nrk] sier [Jonas Gahr Støre|store] at samtalene er «på et kritisk punkt». Han vil ikke utdype.',
    ['store'],
  ],
  [
    'nb',
    'Kommentatorer mener at [EUs|eu] sanksjoner har gjort regjeringen mer villig til å forhandle. Likevel er det langt igjen til en avtale.',
    [],
  ],
  [
    'nb',
    '[Capriles|capriles] advarer mot å sette en frist. «Fred tar tid», sier den tidligere presidentkandidaten.',
    [null],
  ],
  [
    'nb',
    '[Petro|petro] har invitert begge partene til Bogotá. – Vi vil gjerne hjelpe våre naboer, sier [Gustavo Petro|petro] i en pressemelding.',
    ['petro'],
  ],
  [
    'nb',
    'Regjeringen i Caracas sier at den ikke vil forhandle om valgdatoen. «Det er ikke på bordet», sa [Jorge Rodríguez|rodriguez] i nasjonalforsamlingen.',
    ['rodriguez'],
  ],
  [
    'nb',
    'Aviser i Caracas skriver at det neste møtet kan holdes på Barbados. [Norge|norge] har verken bekreftet eller avkreftet dette.',
    [],
  ],
  [
    'nb',
    '[Guterres|guterres] ber om at humanitær hjelp holdes utenfor forhandlingene. «Sivile må ikke betale prisen», sa han.',
    ['guterres'],
  ],
  [
    'nb',
    '[Støre|store] ble spurt om [Machado|machado] kan delta i valget. – Det er et spørsmål for partene, svarte [Støre|store].',
    ['store'],
  ],
  [
    'nb',
    'Det er ventet at [FN|fn] og [EU|eu] sender observatører til valget neste år, dersom partene blir enige om en dato.',
    [],
  ],
  [
    'nb',
    '[Guaidós|guaido] støttespillere demonstrerte utenfor ambassaden i Oslo. «Frihet for Venezuela», ropte de i kor.',
    [null],
  ],
  // ── Norwegian nynorsk ──────────────────────────────────────────────────────────────────────
  [
    'nn',
    '[Støre|store] seier at regjeringa ikkje vil kommentere kvar samtalane går føre seg. «Vi stadfestar verken det eine eller det andre», sa han til [NRK|nrk].',
    ['store'],
  ],
  [
    'nn',
    '– Vi er klare til å halde fram med samtalane så snart partane ønskjer det, seier [Barth Eide|eide].\nUtanriksministeren vil ikkje seie kvar neste møte skal haldast.',
    ['eide'],
  ],
  [
    'nn',
    '[Maduro|maduro] takka [Noreg|norge] i ein video som vart lagd ut søndag. «Vi er takksame for den norske innsatsen», sa presidenten.',
    [null],
  ],
  [
    'nn',
    '[Machado|machado] meiner forhandlingane berre er eit spel for galleriet. – Regjeringa vil berre kjøpe seg tid, seier ho til avisa.',
    ['machado'],
  ],
  [
    'nn',
    'Opposisjonsleiar [Juan Guaidó|guaido] seier at han framleis har tillit til den norske tilrettelegginga. «Dette er ikkje eit svik», skriv han på Twitter.',
    ['guaido'],
  ],
  [
    'nn',
    '[Erna Solberg|solberg] kritiserer regjeringa for å halde Stortinget utanfor. «Vi veit ikkje kva som er lova», seier [Solberg|solberg].',
    ['solberg'],
  ],
  [
    'nn',
    '[SN|fn] støttar dei norske samtalane, og generalsekretær [António Guterres|guterres] ber partane halde ut. – Det finst inga anna vegen enn dialog, sa [Guterres|guterres].',
    ['guterres'],
  ],
  [
    'nn',
    'Ifølgje [NRK|nrk] møttest delegasjonane på eit hotell utanfor Oslo i helga. Korkje departementet eller [Maduros|maduro] kontor ønskjer å stadfeste opplysningane.',
    [],
  ],
  [
    'nn',
    '[EU|eu] vurderer nye sanksjonar dersom samtalane bryt saman. «Vi følgjer situasjonen nøye», skriv ein talsperson i ei fråsegn.',
    [null],
  ],
  [
    'nn',
    '[Leopoldo López|lopez] kallar samtalane «ein stor feil» og meiner regjeringa berre vil vinne tid.',
    ['lopez'],
  ],
  [
    'nn',
    'Statsminister [Jonas Gahr Støre|store] vil ikkje svare på spørsmål om kor lenge [Noreg|norge] skal vere tilretteleggjar. – Det får partane avgjere, seier han.',
    ['store'],
  ],
  [
    'nn',
    '[Capriles|capriles] seier at opposisjonen er splitta i synet på forhandlingane. «Vi må snakke med éi røyst», sa [Capriles|capriles] på eit møte i Caracas.',
    ['capriles'],
  ],
  [
    'nn',
    'Den amerikanske utanriksministeren [Antony Blinken|blinken] seier at USA følgjer med. «Vi støttar ei forhandla løysing», sa [Blinken|blinken] etter møtet.',
    ['blinken'],
  ],
  [
    'nn',
    'Rådgjevarane til [Støre|store] har ikkje kommentert saka. Departementet viser til at samtalane er fortrulege, og at det ikkje vil kome fleire opplysningar.',
    [],
  ],
  [
    'nn',
    'Forhandlingsleiaren til regjeringa, [Jorge Rodríguez|rodriguez], landa på Gardermoen tysdag. – Vi kjem i god tru, sa [Jorge Rodríguez|rodriguez] til journalistane.',
    ['rodriguez'],
  ],
  [
    'nn',
    'Presidenten i Colombia, [Gustavo Petro|petro], tilbyr seg å vere vertskap for neste runde. «Bogotá står klar», skriv [Petro|petro] på sosiale medium.',
    ['petro'],
  ],
  [
    'nn',
    'Kjelder seier til [NRK|nrk] at partane er usamde om valdatoen. «Det er langt att», seier ein diplomat som ikkje vil stå fram med namn.',
    [null],
  ],
  [
    'nn',
    'Opposisjonsalliansen [Plataforma Unitaria|plataforma] har sendt ein delegasjon på fem personar. [Guaidó|guaido] er ikkje sjølv med på reisa.',
    [],
  ],
  [
    'nn',
    '– Vi har ikkje gjeve opp håpet om ei avtale før jul, seier [Barth Eide|eide].\n– Men det krev at begge partar strekkjer seg, legg han til.',
    ['eide', 'eide'],
  ],
  [
    'nn',
    '[Maduro|maduro] skuldar opposisjonen for å sabotere samtalane. «Dei vil ikkje ha fred», sa [Maduro|maduro] i ein tale på statleg fjernsyn.',
    ['maduro'],
  ],
  [
    'nn',
    'Ein forskar ved NUPI meiner at rolla til [Noreg|norge] er meir krevjande enn i Colombia fordi det er fleire aktørar med vetorett.',
    [],
  ],
  [
    'nn',
    '[Machado|machado] har ikkje fått reise ut av landet. Ho seier at ho er stoppa på flyplassen tre gonger. «Eg blir ikkje stille», sa ho.',
    ['machado'],
  ],
  [
    'nn',
    '[Solberg|solberg] meiner regjeringa bør orientere Stortinget i eit lukka møte. – Dette handlar om tillit, seier [Erna Solberg|solberg].',
    ['solberg'],
  ],
  [
    'nn',
    '[Guaidó|guaido] seier at han ikkje stolar på regjeringa. «Vi har sett dette før», sa han på ein pressekonferanse onsdag.',
    ['guaido'],
  ],
  [
    'nn',
    'Utanriksminister [Espen Barth Eide|eide] reiser til Caracas neste veke. Han skal møte både regjeringa og opposisjonen, opplyser departementet.',
    [],
  ],
  [
    'nn',
    '[Blinken|blinken] og [Støre|store] snakka saman på telefon fredag. «Vi er samde om at dialog er einaste vegen», sa [Støre|store] etterpå.',
    ['store'],
  ],
  [
    'nn',
    'Opposisjonen krev at politiske fangar vert lauslatne før neste runde. – Utan lauslatingar blir det inga avtale, seier [López|lopez].',
    ['lopez'],
  ],
  [
    'nn',
    'I eit intervju med [NRK|nrk] seier [Jonas Gahr Støre|store] at samtalane er «på eit kritisk punkt». Han vil ikkje utdjupe kva han meiner.',
    ['store'],
  ],
  [
    'nn',
    '[Capriles|capriles] åtvarar mot å setje ein frist. «Fred tek tid», seier den tidlegare presidentkandidaten.',
    [null],
  ],
  [
    'nn',
    'Regjeringa i Caracas seier at ho ikkje vil forhandle om valdatoen. «Det er ikkje på bordet», sa [Jorge Rodríguez|rodriguez] i nasjonalforsamlinga.',
    ['rodriguez'],
  ],
  [
    'nn',
    '[Guterres|guterres] ber om at humanitær hjelp vert halden utanfor forhandlingane. «Sivile må ikkje betale prisen», sa han.',
    ['guterres'],
  ],
  [
    'nn',
    '[Støre|store] vart spurd om [Machado|machado] kan delta i valet. – Det er eit spørsmål for partane, svara [Støre|store].',
    ['store'],
  ],
  [
    'nn',
    'Det er venta at [SN|fn] og [EU|eu] sender observatørar til valet neste år, dersom partane blir samde om ein dato.',
    [],
  ],
  [
    'nn',
    'Eg har snakka med fleire kjelder i Caracas. Dei seier at [Maduro|maduro] ikkje kjem til å gje etter på valdatoen, og at opposisjonen veit det.',
    [],
  ],
  [
    'nn',
    'Kva skjer no med samtalane? [Noreg|norge] har berre sagt at partane framleis er i kontakt, og at det er for tidleg å seie noko meir.',
    [],
  ],
  // ── Spanish ────────────────────────────────────────────────────────────────────────────────
  [
    'es',
    '[Maduro|maduro] agradeció a [Noruega|norge] su papel en el diálogo. «[Noruega|norge] ha sido un facilitador serio y discreto», dijo [Maduro|maduro] en un mensaje televisado.',
    ['maduro'],
  ],
  [
    'es',
    '[Leopoldo López|lopez] calificó el proceso de «un gran error» y aseguró que el gobierno solo quiere ganar tiempo.',
    ['lopez'],
  ],
  [
    'es',
    '—Estamos dispuestos a seguir conversando —dijo [Jorge Rodríguez|rodriguez]— siempre que se respete la Constitución.',
    ['rodriguez'],
  ],
  [
    'es',
    '[María Corina Machado|machado] afirmó que no participará en unas elecciones sin garantías. «No vamos a legitimar una farsa», declaró la dirigente opositora.',
    [null],
  ],
  [
    'es',
    'El secretario general de la [ONU|fn], [António Guterres|guterres], pidió a las partes mantener el diálogo. «No hay alternativa a la negociación», señaló [Guterres|guterres].',
    ['guterres'],
  ],
  [
    'es',
    'Según fuentes diplomáticas, las delegaciones se reunieron en un hotel a las afueras de Oslo. Ni el gobierno ni la oposición confirmaron el encuentro.',
    [],
  ],
  [
    'es',
    '[Juan Guaidó|guaido] dijo que la oposición no abandonará la mesa. «Seguimos aquí porque el país lo necesita», afirmó en una rueda de prensa.',
    ['guaido'],
  ],
  [
    'es',
    'La [Unión Europea|eu] estudia nuevas sanciones si fracasan las conversaciones. «Seguimos de cerca la situación», indicó un portavoz en un comunicado.',
    [null],
  ],
  [
    'es',
    '[Capriles|capriles] advirtió que la oposición está dividida. «Debemos hablar con una sola voz», dijo [Henrique Capriles|capriles] durante un acto en Caracas.',
    ['capriles'],
  ],
  [
    'es',
    'El presidente colombiano [Gustavo Petro|petro] ofreció Bogotá como sede de la próxima ronda. «Estamos listos para ayudar a nuestros vecinos», escribió [Petro|petro] en redes sociales.',
    ['petro'],
  ],
  [
    'es',
    '[Maduro|maduro] acusó a la oposición de sabotear el diálogo. «Ellos no quieren la paz», dijo el mandatario durante un acto en Miraflores.',
    [null],
  ],
  [
    'es',
    'La [Plataforma Unitaria|plataforma] envió una delegación de cinco personas a Oslo. [Guaidó|guaido] no forma parte del grupo, según confirmaron sus portavoces.',
    [],
  ],
  [
    'es',
    '—No vamos a negociar la fecha de las elecciones —afirmó [Jorge Rodríguez|rodriguez] ante la Asamblea Nacional.',
    ['rodriguez'],
  ],
  [
    'es',
    'El canciller noruego [Espen Barth Eide|eide] viajará a Caracas la próxima semana para reunirse con ambas delegaciones, informó su ministerio.',
    [],
  ],
  [
    'es',
    '[Machado|machado] denunció que le impidieron salir del país por tercera vez. «No me van a callar», dijo ella a los periodistas en el aeropuerto.',
    ['machado'],
  ],
  [
    'es',
    'El secretario de Estado [Antony Blinken|blinken] afirmó que Washington apoya una salida negociada. «Respaldamos el proceso facilitado por [Noruega|norge]», dijo [Blinken|blinken].',
    ['blinken'],
  ],
  [
    'es',
    '[Cuba|cuba] y [Noruega|norge] fueron garantes del proceso de paz en Colombia, y algunos analistas proponen repetir esa fórmula en Venezuela.',
    [],
  ],
  [
    'es',
    'Los presos políticos siguen siendo el principal obstáculo. «Sin liberaciones no habrá acuerdo», aseguró [López|lopez] desde Madrid.',
    ['lopez'],
  ],
  [
    'es',
    'El primer ministro noruego [Jonas Gahr Støre|store] evitó precisar el lugar de la reunión. «Las partes decidirán», dijo [Støre|store] a la prensa.',
    ['store'],
  ],
  [
    'es',
    'Diplomáticos consultados por este diario creen que la próxima ronda se celebrará en Barbados, aunque [Noruega|norge] no lo ha confirmado.',
    [],
  ],
  [
    'es',
    '[Guterres|guterres] pidió que la ayuda humanitaria quede fuera de las negociaciones. «Los civiles no deben pagar el precio», advirtió el diplomático portugués.',
    [null],
  ],
  [
    'es',
    '[Maduro|maduro] dijo que enviará a su hijo a Oslo como observador. La oposición calificó la decisión de «una provocación inaceptable».',
    [null],
  ],
  [
    'es',
    'La [ONU|fn] y la [UE|eu] podrían enviar observadores a las elecciones del próximo año si las partes acuerdan una fecha.',
    [],
  ],
  [
    'es',
    '[Guaidó|guaido] afirmó: «No confiamos en el gobierno, pero confiamos en el proceso».',
    ['guaido'],
  ],
  [
    'es',
    '—La paz no se construye en un día —dijo [Capriles|capriles]—. Hay que tener paciencia.',
    ['capriles'],
  ],
  [
    'es',
    'Los seguidores de [Guaidó|guaido] se concentraron frente a la embajada en Oslo. «Libertad para Venezuela», gritaban al unísono.',
    [null],
  ],
  [
    'es',
    '[Petro|petro] y [Maduro|maduro] conversaron por teléfono el viernes. Según Miraflores, [Maduro|maduro] dijo que «el diálogo va por buen camino».',
    ['maduro'],
  ],
  [
    'es',
    'En una entrevista con la radio [NRK|nrk], [Støre|store] señaló que las conversaciones están «en un punto crítico» y no quiso dar más detalles.',
    ['store'],
  ],
  [
    'es',
    'La oposición exige que se publique el calendario electoral antes de diciembre. El gobierno, por su parte, insiste en que primero se levanten las sanciones.',
    [],
  ],
  [
    'es',
    '[Machado|machado] calificó el acuerdo parcial de «insuficiente» y pidió a la comunidad internacional mantener la presión sobre el gobierno de [Maduro|maduro].',
    [],
  ],
  [
    'es',
    'El ministro noruego [Barth Eide|eide] dijo a los periodistas: «Hemos avanzado, pero queda mucho trabajo por delante».',
    ['eide'],
  ],
  [
    'es',
    'Tras la reunión, [Jorge Rodríguez|rodriguez] declaró que su delegación regresará a Caracas para consultar. «Volveremos con una respuesta», añadió.',
    ['rodriguez'],
  ],
  [
    'es',
    'Analistas señalan que las sanciones de la [Unión Europea|eu] han empujado al gobierno hacia la mesa, aunque el camino hacia un acuerdo sigue siendo largo.',
    [],
  ],
  [
    'es',
    '«El tiempo de las excusas se acabó», dijo [Capriles|capriles] en un mitin en Maracaibo.',
    ['capriles'],
  ],
  [
    'es',
    '[López|lopez] publicó una carta abierta dirigida a [Guterres|guterres]. En ella pide que la [ONU|fn] supervise la liberación de los presos.',
    [],
  ],
  // ── English ────────────────────────────────────────────────────────────────────────────────
  [
    'en',
    '[Maduro|maduro] thanked [Norway|norge] in a video released on Sunday. "[Norway|norge] has been a serious and discreet facilitator," [Maduro|maduro] said.',
    ['maduro'],
  ],
  [
    'en',
    'Opposition figure [Leopoldo López|lopez] called the talks "a big mistake" and said the government only wanted to buy time.',
    ['lopez'],
  ],
  [
    'en',
    '"We are ready to continue the talks as soon as the parties wish," said [Espen Barth Eide|eide], [Norway\'s|norge] foreign minister.',
    ['eide'],
  ],
  [
    'en',
    '[Juan Guaidó|guaido] told reporters that the opposition would stay at the table. "We are here because the country needs it," he said.',
    ['guaido'],
  ],
  [
    'en',
    'Diplomats say the delegations met at a hotel outside Oslo over the weekend. Neither side has confirmed the meeting.',
    [],
  ],
  [
    'en',
    'The [United Nations|fn] secretary-general, [António Guterres|guterres], urged both sides to keep talking. "There is no alternative to negotiation," [Guterres|guterres] said in New York.',
    ['guterres'],
  ],
  [
    'en',
    'The [European Union|eu] is weighing new sanctions if the talks collapse. "We are following the situation closely," a spokesperson said in a statement.',
    [null],
  ],
  [
    'en',
    '[Antony Blinken|blinken] said Washington backed a negotiated solution. "We support the process facilitated by [Norway|norge]," [Blinken|blinken] told a press conference.',
    ['blinken'],
  ],
  [
    'en',
    '[María Corina Machado|machado] said she had been stopped at the airport for the third time. "They will not silence me," she said.',
    ['machado'],
  ],
  [
    'en',
    'Colombian President [Gustavo Petro|petro] offered to host the next round in Bogotá. "We are ready to help our neighbours," [Petro|petro] wrote on social media.',
    ['petro'],
  ],
  [
    'en',
    "[Maduro's|maduro] government accused the opposition of sabotaging the talks, while opposition leaders said the government had not released a single prisoner.",
    [],
  ],
  [
    'en',
    '"Without releases there will be no agreement," [López|lopez] said from Madrid.',
    ['lopez'],
  ],
  [
    'en',
    '[Norway\'s|norge] prime minister, [Jonas Gahr Støre|store], declined to say where the talks were being held. "The parties will decide," he said.',
    ['store'],
  ],
  [
    'en',
    'The [Plataforma Unitaria|plataforma] sent a five-member delegation to Oslo, but [Guaidó|guaido] himself did not travel.',
    [],
  ],
  [
    'en',
    '[Capriles|capriles] warned that the opposition was divided. "We must speak with one voice," he said at a rally in Caracas.',
    ['capriles'],
  ],
  [
    'en',
    '[Jorge Rodríguez|rodriguez], who leads the government delegation, said the election date was "not on the table".',
    ['rodriguez'],
  ],
  [
    'en',
    'Analysts say [EU|eu] sanctions have pushed the government towards negotiations, though a deal remains distant.',
    [],
  ],
  [
    'en',
    '"Civilians must not pay the price," [Guterres|guterres] said, calling for humanitarian aid to be kept out of the negotiations.',
    ['guterres'],
  ],
  [
    'en',
    '[Cuba|cuba] and [Norway|norge] were guarantors of the Colombian peace process, and some observers suggest the same arrangement for Venezuela.',
    [],
  ],
  [
    'en',
    '[Machado|machado] called the partial agreement "insufficient" and urged the international community to keep up the pressure on [Maduro|maduro].',
    [],
  ],
  [
    'en',
    '[Støre|store] spoke with [Blinken|blinken] by phone on Friday. "We agree that dialogue is the only way," [Støre|store] said afterwards.',
    ['store'],
  ],
  [
    'en',
    "The [UN|fn] and the [EU|eu] could send observers to next year's election if the parties agree on a date, officials said.",
    [],
  ],
  [
    'en',
    '"Peace takes time," said the former presidential candidate, who asked not to be named.',
    [null],
  ],
  [
    'en',
    'In an interview with [NRK|nrk], [Støre|store] said the talks were "at a critical point" but would not elaborate.',
    ['store'],
  ],
  [
    'en',
    '[Guaidó\'s|guaido] supporters rallied outside the embassy in Oslo, chanting "freedom for Venezuela" for more than an hour.',
    [null],
  ],
  // ── Danish distractors ─────────────────────────────────────────────────────────────────────
  [
    'da',
    '[Norge|norge] har igen påtaget sig rollen som mægler i Venezuela. Statsminister [Støre|store] siger, at regeringen ikke vil kommentere, hvor forhandlingerne foregår.',
    [],
  ],
  [
    'da',
    'Oppositionen i Venezuela kræver, at politiske fanger løslades. – Uden løsladelser bliver der ingen aftale, siger [López|lopez] til avisen.',
    ['lopez'],
  ],
  [
    'da',
    '[Maduro|maduro] takkede [Norge|norge] i en video søndag. «Vi er taknemmelige for den norske indsats», sagde præsidenten ifølge nyhedsbureauet.',
    [null],
  ],
  [
    'da',
    '[EU|eu] overvejer nye sanktioner, hvis forhandlingerne bryder sammen. Udenrigsministeren vil ikke kommentere sagen før mødet i Bruxelles.',
    [],
  ],
  [
    'da',
    '[FN|fn] hilser det velkommen, at parterne igen mødes. Generalsekretær [Guterres|guterres] opfordrer begge sider til at fortsætte dialogen.',
    [],
  ],
  [
    'da',
    '[Machado|machado] siger, at hun er blevet stoppet i lufthavnen tre gange. «Jeg bliver ikke tavs», sagde hun til journalisterne.',
    ['machado'],
  ],
  [
    'da',
    'Ifølge danske diplomater er forhandlingerne gået i stå. Der er stadig uenighed om valgdatoen og om ophævelsen af sanktionerne.',
    [],
  ],
  [
    'da',
    '[Guaidó|guaido] siger, at han stadig har tillid til den norske mægling. «Det her er ikke et forræderi», skrev han på Twitter.',
    ['guaido'],
  ],
  [
    'da',
    'Colombias præsident [Petro|petro] har tilbudt at være vært for næste runde. Bogotá er klar, siger han, men datoen er endnu ikke fastsat.',
    [],
  ],
  [
    'da',
    'Forskere ved Københavns Universitet mener, at [Norges|norge] rolle bliver sværere, fordi flere aktører nu har vetoret i processen.',
    [],
  ],
  [
    'da',
    '[Blinken|blinken] og [Støre|store] talte sammen i telefon fredag. «Vi er enige om, at dialog er den eneste vej», sagde [Støre|store] bagefter.',
    ['store'],
  ],
  [
    'da',
    '[Capriles|capriles] advarer mod at sætte en frist for forhandlingerne. Han mener, at oppositionen først skal blive enig med sig selv.',
    [],
  ],
  // ── Swedish distractors ────────────────────────────────────────────────────────────────────
  [
    'sv',
    '[Norge|norge] har återigen åtagit sig rollen som medlare i Venezuela. Statsminister [Støre|store] säger att regeringen inte vill kommentera var samtalen äger rum.',
    [],
  ],
  [
    'sv',
    'Oppositionen i Venezuela kräver att politiska fångar friges. – Utan frigivningar blir det inget avtal, säger [López|lopez] till tidningen.',
    ['lopez'],
  ],
  [
    'sv',
    '[Maduro|maduro] tackade [Norge|norge] i en video på söndagen. ”Vi är tacksamma för den norska insatsen”, sade presidenten enligt nyhetsbyrån.',
    [null],
  ],
  [
    'sv',
    '[EU|eu] överväger nya sanktioner om samtalen bryter samman. Utrikesministern vill inte kommentera saken före mötet i Bryssel.',
    [],
  ],
  [
    'sv',
    '[Förenta nationerna|fn] välkomnar att parterna åter möts. Generalsekreterare [Guterres|guterres] uppmanar båda sidor att fortsätta dialogen.',
    [],
  ],
  [
    'sv',
    '[Machado|machado] säger att hon har stoppats på flygplatsen tre gånger. ”Jag tänker inte tystna”, sade hon till journalisterna.',
    ['machado'],
  ],
  [
    'sv',
    'Enligt svenska diplomater har förhandlingarna kört fast. Det råder fortfarande oenighet om valdatumet och om hävandet av sanktionerna.',
    [],
  ],
  [
    'sv',
    '[Guaidó|guaido] säger att han fortfarande har förtroende för den norska medlingen. ”Det här är inget svek”, skrev han på Twitter.',
    ['guaido'],
  ],
  [
    'sv',
    'Colombias president [Petro|petro] har erbjudit sig att stå värd för nästa runda. Bogotá är redo, säger han, men datumet är ännu inte bestämt.',
    [],
  ],
  [
    'sv',
    'Forskare vid Uppsala universitet menar att [Norges|norge] roll blir svårare eftersom fler aktörer nu har vetorätt i processen.',
    [],
  ],
  [
    'sv',
    '[Blinken|blinken] och [Støre|store] talade i telefon på fredagen. ”Vi är överens om att dialog är den enda vägen”, sade [Støre|store] efteråt.',
    ['store'],
  ],
  [
    'sv',
    '[Capriles|capriles] varnar för att sätta en tidsgräns för förhandlingarna. Han anser att oppositionen först måste enas internt.',
    [],
  ],
];
