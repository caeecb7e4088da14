package dev.wareg.chat.interpretation;

import dev.wareg.fields.EditDistance;
import dev.wareg.fields.Field;
import dev.wareg.fields.RegistrationFields;
import dev.wareg.fields.Validation;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * Keyword rules for Portuguese and English. Text is lower-cased and accent-folded, emojis become words, and common
 * chat abbreviations are expanded ("vc", "q"); keywords of five letters or more match with one typing slip
 * ("atualisar", "emial"); yes and no count only as whole words ("Simone" is not "sim"); a negation before an update
 * verb ("não quero mudar") is a no, not an update. Values are spotted anywhere in the text (e-mails, CEPs, CPFs,
 * dates), so one message can answer several questions. Greetings before, thanks and fillers of speech after what a
 * message says are set aside, and slips in the words that introduce a value are read through ("me chmao Ana").
 * Words of topics the bot does not deal with (weather, prices, shopping...) make a confident out-of-scope reading.
 * Cheap checks (a digit, an "@", a cue word) come before each pattern, so most messages run only a few of them.
 */
@Component
public class RulesInterpreter implements Interpreter {

    private static final Locale PORTUGUESE = Locale.forLanguageTag("pt-BR");

    private static final Set<String> AFFIRM = Set.of("sim", "s", "yes", "y", "yep", "yeah", "yup", "claro", "confirmo",
            "confirma", "confirmar", "confirmado", "confirmed", "isso", "ok", "okay", "certo", "correto", "pode", "sure",
            "confirm", "exato", "exatamente", "exactly", "perfeito", "perfect", "certeza", "beleza", "right",
            "absolutely", "definitely", "bora", "fechado", "positivo", "sm", "ss", "aham", "uhum", "uhun", "yea", "ya",
            "yah", "okey", "okei", "oki", "okie", "good", "great", "fine", "cool", "awesome", "nice", "legal", "otimo",
            "otima", "massa", "joia", "bom", "agreed", "agree", "concordo", "combinado", "affirmative", "afirmativo",
            "positive", "aye", "ta", "vamos", "vamo", "ahan", "course", "certinho", "certim");
    /** "no" is also Portuguese for "in the", so it counts as a no only when it opens the message. */
    private static final Set<String> DENY = Set.of("nao", "n", "nope", "nah", "negativo", "not", "dont", "nunca",
            "never", "didnt", "doesnt", "isnt", "wont", "cant", "naum", "nops", "nop", "nn", "negative", "nay", "jamais");
    private static final Set<String> CANCEL = Set.of("cancelar", "cancela", "cancel", "sair", "parar", "stop",
            "desistir", "desisto", "esquece", "quit", "abort", "encerrar", "interromper", "interrompe", "chega", "exit");
    private static final Set<String> HELP = Set.of("ajuda", "help", "socorro", "ajudar", "duvida", "opcoes", "options",
            "funciona", "works", "explica", "explicar", "explain", "menu", "comandos", "commands", "entendi", "entendo",
            "understand", "usar", "use", "instrucoes", "instructions", "confuso", "confused", "perdido", "perdida", "lost",
            "tutorial", "manual", "faq", "assistance", "assist", "ajudinha", "orientacao", "duvidas", "compreendi",
            "entender", "guide", "guia");
    private static final Set<String> GREET = Set.of("oi", "ola", "opa", "hi", "hello", "hey", "bom", "boa", "dia",
            "tarde", "noite", "eai", "eae", "oie", "salve", "good", "morning", "afternoon", "evening", "hiya", "yo",
            "howdy", "alo", "whats", "sup");
    /** Words that may follow a greeting and keep it a greeting: "oi, tudo bem?", "hi, how are you?". */
    private static final Set<String> GREET_FILLER = Set.of("tudo", "bem", "como", "vai", "vao", "voce", "voces",
            "pessoal", "todos", "a", "e", "ai", "com", "as", "coisas", "how", "are", "you", "there", "is", "it", "going",
            "whats", "what", "s", "up", "doing", "all", "beleza", "blz", "ok", "td", "tranquilo", "everyone", "folks",
            "o", "que", "manda", "isso", "bot", "robo", "anyone", "around", "here", "alguem", "on", "online", "certo",
            "bom", "tranquilidade", "joia");
    private static final Set<String> THANKS = Set.of("obrigado", "obrigada", "valeu", "thanks", "thank", "thx",
            "brigado", "vlw", "cheers", "grato", "grata", "agradeco", "ty", "obg", "gratidao", "agradecido", "agradecida",
            "obrigadao", "brigadao", "obrigadinho", "obrigadinha", "brigada", "valeuzao", "tmj", "tks", "thks", "thnx",
            "thanx", "tnx", "appreciate", "appreciated", "gracias", "merci", "agradecimentos", "thankyou", "thanku");
    private static final Set<String> UPDATE = Set.of("atualizar", "atualiza", "mudar", "muda", "alterar", "altera",
            "trocar", "troca", "corrigir", "corrige", "editar", "update", "change", "edit", "modify", "fix", "mudei",
            "mudou", "troquei", "alterei", "changed", "updated", "moved", "atualizacao", "alteracao", "mudanca",
            "arrumar", "desatualizado", "desatualizada", "outdated", "mude", "mudem", "atualize", "atualizem", "altere",
            "troque", "edite", "modificar", "modifique");
    private static final Set<String> REGISTER = Set.of("cadastrar", "cadastre", "registrar", "register", "signup",
            "inscrever", "criar", "join", "enroll", "inscricao", "registration", "cadastra");
    private static final Set<String> DELETE = Set.of("apagar", "apaga", "apaguem", "apague", "excluir", "exclua",
            "exclui", "excluam", "deletar", "deleta", "remover", "remova", "delete", "deleted", "erase", "erased",
            "remove", "eliminar", "wipe", "tira", "tirem", "tirar", "forget", "esquecam", "apagado", "apagados",
            "exclusao", "remocao", "removal", "deletion", "erasure");
    private static final Set<String> ACCOUNT = Set.of("conta", "account", "cadastro", "registro", "informacoes", "dados",
            "dado", "mim", "me", "base", "system", "sistema", "records", "profile", "perfil", "data", "everything", "tudo",
            "lgpd", "info", "information", "details", "cad", "pessoais", "personal");
    private static final Set<String> GOODBYE = Set.of("tchau", "adeus", "bye", "goodbye", "falou", "flw", "xau",
            "later", "tchauzinho", "abraco", "abracos", "cya", "ciao", "farewell", "bjs", "beijos", "ttyl", "fui");
    /** What follows "até" in a goodbye: "até logo", "até mais". */
    private static final Set<String> UNTIL = Set.of("logo", "mais", "depois", "proxima", "breve", "amanha");
    private static final Set<String> SHOW = Set.of("ver", "mostrar", "mostra", "consultar", "show", "see", "view",
            "display", "saber", "conferir", "consta", "manda", "mande", "check", "tell", "qual", "quais", "what",
            "which", "whats", "esta", "ta", "review", "visualizar", "list", "envia", "enviar", "envie", "send", "mostre",
            "exibir", "exibe", "listar", "lista", "get");
    private static final Set<String> DATA = Set.of("dados", "cadastro", "data", "details", "informacoes", "registration",
            "info", "information", "file", "registered", "mim", "record", "records", "profile", "perfil", "cadastrado",
            "cadastrados", "have", "tem", "cad", "registrado", "registrada", "cadastrada");
    private static final Set<String> HUMAN = Set.of("atendente", "humano", "pessoa", "human", "agent", "operator",
            "representative", "atendimento", "suporte", "support", "sac", "gerente", "manager", "customer",
            "transfer", "transfere", "transferir", "real", "person", "people");
    private static final Set<String> BACK = Set.of("voltar", "volta", "back", "anterior", "previous", "retornar",
            "return");
    private static final Set<String> KEEP = Set.of("manter", "mantem", "mantenha", "pular", "pula", "keep", "skip",
            "same", "nenhum", "nenhuma", "none", "mantido", "unchanged", "pulo");
    private static final Set<String> CORRECT = Set.of("errei", "errado", "errada", "corrigir", "corrige",
            "actually", "mistake", "oops", "ops", "misspelled", "typo", "corrigindo", "correcao", "desculpa", "sorry",
            "wrongly", "meant", "digitei", "escrevi", "typed", "correct", "wrong", "correction", "enganei", "engano",
            "equivoco", "incorreto", "incorreta", "incorrect", "retificar", "retifica", "errou");
    /** "o nome certo é ...", "o correto é ...": a correction, not a yes. */
    private static final Pattern CORRECTION_PHRASE = Pattern.compile(
            "\\b(?:(?:certo|correto|certa|correta) (?:e|eh)|right one|correct one|just sent|acabei de (?:mandar|enviar)|que (?:mandei|enviei)|i sent"
                    + "|na verdade|na real|pra falar a verdade|foi mal|my bad|scratch that|deixa eu corrigir|let me fix)\\b");
    /** "quis dizer 42", "I meant Ana": a correction, unless denied ("não é isso que eu quis dizer" is a no). */
    private static final Pattern MEANT_PHRASE = Pattern.compile("\\b(?:i mean|i meant|quer dizer|quis dizer|quero dizer)\\b");
    /** "não sei", "I don't know": neither a no nor a request for help, just unsure. */
    private static final Pattern UNSURE_PHRASE = Pattern.compile("\\b(?:nao sei|sei la|don t know|dont know|no idea|not sure)\\b");
    /** "all correct", "that's correct": a yes, where "correct" alone is a request to correct. */
    private static final Pattern CORRECT_AS_YES = Pattern.compile("\\b(?:all|that s|thats|is|it s|its|yes|yep) correct\\b");
    private static final Pattern KEEP_PHRASE = Pattern.compile(
            "\\b(?:o mesmo|a mesma|the same|deixa (?:assim|como esta)|pode manter|no change|nao mudou|nada mudou|hasn t changed|hasnt changed|keep it|leave it|as is|same as before|continua (?:o mesmo|igual)|(?:sem|nao tem|no|there is no|theres no) (?:complemento|complement|numero|number|apartamento|apartment)"
                    + "|fica assim|assim (?:mesmo|esta bom|ta bom|ta otimo|ta certo)|(?:ta|esta) (?:bom|otimo|certo) assim|deixa do jeito que (?:esta|ta)"
                    + "|(?:nao tenho|nao possuo|i don t have|i dont have|i have no|dont have) (?:one|any|nenhum|nenhuma|complemento|complement|apartamento|apartment)$"
                    + "|nao se aplica|not applicable|em branco|leave (?:it )?blank)\\b");
    /** A no in so many words: "de jeito nenhum" ("nenhum" alone keeps a field), "nem pensar", "of course not". */
    private static final Pattern DENY_PHRASE = Pattern.compile(
            "\\b(?:de jeito nenhum|de jeito algum|de modo algum|de forma alguma|nem pensar|nem a pau|nem ferrando|of course not|no way"
                    + "|not at all|claro que nao|logico que nao|hell no|absolutely not|definitely not|certainly not)\\b");
    /** A yes in so many words: "pode ser", "go ahead", "that works" ("works" alone asks how it works). */
    private static final Pattern AFFIRM_PHRASE = Pattern.compile(
            "^(?:(?:sim|yes|ok|okay|ta|claro|sure|entao|so)\\s+)?(?:go ahead|do it|lets go|let s go|to dentro|pode ser|pode mandar|manda ver|pode seguir|pode continuar"
                    + "|sounds good|looks good|that works|works for me|fine by me|por mim (?:ta|esta) (?:bom|otimo|certo)|of course|com certeza|isso ai|isso mesmo"
                    + "|that s right|thats right|that s it|you got it|uhum|aham)(?:\\s+(?:sim|yes|ok|then|entao|pode|please|por favor|obrigad[oa]|thanks|ne|ai))*$");
    private static final Pattern GOODBYE_PHRASE = Pattern.compile(
            "\\b(?:see you|that s all|thats all|era so isso|e so isso|por hoje e so|so isso|take care|have a (?:nice|good|great) (?:day|one|night)|tenha um bom dia|ate (?:logo|mais|depois|a proxima|breve|amanha))\\b");
    /** "não sei o que responder", "what can you do?": a request for help, not a no. */
    private static final Pattern HELP_PHRASE = Pattern.compile(
            "\\b(?:nao sei (?:o que|oq|como)|not sure (?:what|how)|don t (?:get|know) (?:what|how)|dont (?:get|know) (?:what|how)|o que (?:voce|vc|voces|vcs|esse robo|esse bot|o bot|o robo) (?:faz|sabe)|what can you do|what do you do|como (?:funciona|usa))\\b");
    /**
     * Asking how to go on, with no request of another kind in the message ("o que eu faço?", "how does this work",
     * "e agora?", "can you help me?"): checked after the intents that name what the person wants.
     */
    private static final Pattern HELP_QUESTION = Pattern.compile(
            // Open questions ("o que eu faço", "how do I use") only when they end the message: "o que eu faço no
            // domingo?", "how do I use a credit card" are about something else.
            "\\b(?:(?:o que (?:eu )?(?:faco|devo fazer|tenho que fazer|preciso fazer|posso fazer|escrevo|digito|respondo|mando)"
                    + "|como (?:(?:e )?que )?(?:eu )?(?:faco|uso|funciona|usa|continuo|sigo|respondo)|o que (?:e )?isso|o que significa|que que e isso"
                    + "|what (?:do|should|can) i (?:do|type|write|say|send|answer)|how (?:does|do) (?:this|it|that|i) (?:work|use|start|continue)"
                    + "|how do i use(?: this| it)?|how to use(?: this| it)?|what (?:does|do) (?:this|that|you) mean|what is this)"
                    + "(?: (?:agora|aqui|now|here|next|then|entao|ai|isso|this|it|bot|robo|pra continuar|para continuar|to continue))*$"
                    // Requests for help and confusion, wherever they are.
                    + "|como assim|e agora|pode(?:ria)? me ajudar|me ajuda|me ajude|preciso de (?:uma )?(?:ajuda|ajudinha|help)"
                    + "|quais (?:sao )?(?:as )?opcoes|what now|what next|what are (?:my|the) options|(?:can|could) you help"
                    + "|i need (?:some )?help|help me|i m lost|im lost|estou perdid[oa]|to perdid[oa]|nao entendi|nao to entendendo"
                    + "|nao estou entendendo|dont understand|don t understand|didnt understand|didn t understand|don t get it|dont get it)\\b");
    /** Words without which the phrase patterns cannot match, checked first because a set is cheaper than a pattern. */
    private static final Set<String> CANCEL_CUES = Set.of("never", "nevermind", "nvm", "forget", "give", "deixa",
            "esquece", "continuar", "continue", "quit", "fora", "out", "parar", "para", "pare", "stop", "interested",
            "interesse");
    private static final Set<String> HUMAN_CUES = Set.of("verdade", "humano", "real", "live", "someone", "somebody",
            "person", "alguem", "pessoa", "gente");
    private static final Set<String> DENY_CUES = Set.of("jeito", "modo", "forma", "nem", "course", "way", "all",
            "claro", "logico", "hell", "absolutely", "definitely", "certainly");
    private static final Set<String> KEEP_CUES = Set.of("mesmo", "mesma", "same", "deixa", "manter", "change",
            "mudou", "changed", "keep", "leave", "as", "continua", "complemento", "complement", "numero", "number",
            "apartamento", "apartment", "assim", "tenho", "possuo", "have", "aplica", "applicable", "branco", "blank");
    private static final Set<String> CORRECTION_CUES = Set.of("certo", "correto", "certa", "correta", "right",
            "correct", "sent", "acabei", "mandei", "enviei", "verdade", "real", "mal", "bad", "scratch", "corrigir",
            "fix");
    private static final Set<String> HELP_PHRASE_CUES = Set.of("sei", "sure", "get", "know", "faz", "sabe", "do",
            "funciona", "usa");
    private static final Set<String> MEANT_CUES = Set.of("mean", "meant", "dizer");
    private static final Set<String> HELP_QUESTION_CUES = Set.of("faco", "fazer", "escrevo", "digito", "respondo",
            "mando", "uso", "funciona", "usa", "continuo", "sigo", "assim", "agora", "isso", "significa", "ajudar",
            "ajuda", "ajude", "ajudinha", "help", "opcoes", "do", "now", "next", "work", "use", "mean", "this",
            "options", "lost", "m", "im", "perdido", "perdida", "entendi", "entendendo", "understand", "get", "que",
            "what");
    /** Words that make a message with a help keyword a sentence asking for help rather than a name or a place. */
    private static final Set<String> HELP_CUES = Set.of("me", "eu", "i", "my", "preciso", "need", "como", "how",
            "what", "que", "can", "pode", "poderia", "could", "nao", "dont", "not", "funciona", "works", "entendi",
            "entendo", "understand", "explica", "explain", "usar", "use", "faco", "ajudar", "voce", "you", "please",
            "favor", "quero", "want", "isso", "this");
    private static final Set<String> CONNECTIVES = Set.of("de", "da", "do", "das", "dos", "e", "of", "the", "and");
    /** Words that introduce a value rather than belong to it: "meu complemento é apto 42". */
    private static final Set<String> LEAD_IN_WORDS = Set.of("meu", "minha", "my", "is", "e", "eh", "o", "a", "the",
            "complemento", "complement", "its", "it", "seria", "fica", "coloca", "put", "aqui", "here");
    private static final Pattern DIGITS = Pattern.compile("\\d{4}");
    /** A house without a number: "s/n", "S/N", "s/nº". */
    private static final Pattern NO_NUMBER = Pattern.compile("\\s*s/n[º°o]?\\s*\\.?\\s*",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** "thanks for the help", "obrigado pela ajuda". */
    private static final Pattern THANKS_FOR = Pattern.compile(
            "\\b(?:thanks|thank you|thank|thx|ty|obrigado|obrigada|valeu|vlw|brigado|brigada|grato|grata|agradeco|appreciate)"
                    + "(?: (?:you|u|muito|a lot|so much|mesmo))? (?:for|pela|pelo|por) (?:a |the |your |all |toda |tanta )?"
                    + "(?:help|ajuda|atencao|attention|everything|tudo|support|suporte|paciencia|patience)\\b");
    /** "tudo bem?", "how are you?": small talk, not a yes. */
    private static final Pattern HOW_ARE_YOU = Pattern.compile(
            "(?:e )?(?:tudo (?:bem|bom|certo|tranquilo|joia|beleza|ok)|how are you|how r you|como vai(?: voce)?|como voce esta)(?: voce| ai| e voce| you)?");
    /** Laughing, the whole message: "kkkkk", "hahaha", "rsrs", "lol". */
    private static final Pattern LAUGHTER = Pattern.compile(
            "^\\W*(?:(?:k{3,}|(?:ha){2,}h?|(?:he){2,}|(?:hue){2,}|(?:hua){2,}|(?:rs){2,}|lol|lmao|rofl)\\W*)+$");
    /** A whole message that only asks "what?": "?", "hein?", "como assim?", "huh?". */
    private static final Pattern PUZZLED = Pattern.compile(
            "^\\s*(?:h[aã]+|hein|hum+|huh|what|como|oq|o que|que|han|eh|q)\\s*\\?+[\\s?!]*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Giving up on the flow in so many words: "never mind", "deixa pra lá", "I give up". */
    private static final Pattern CANCEL_PHRASE = Pattern.compile(
            "\\b(?:never ?mind|nvm|forget (?:it|about it|that)|i give up|give up|deixa (?:pra|para) la|deixa quieto|esquece (?:isso|tudo)"
                    + "|nao quero (?:mais )?continuar|don t want to continue|dont want to continue|i quit|to fora|estou fora|i m out|im out"
                    + "|quero parar|para tudo|pare|stop it|not interested|nao tenho interesse|sem interesse)\\b");
    /** Someone to talk to, said without the usual words: "tem alguém de verdade aí?", "a real person". */
    private static final Pattern HUMAN_PHRASE = Pattern.compile(
            "\\b(?:alguem de verdade|pessoa de verdade|gente de verdade|ser humano|pessoa real|someone real|somebody real|live (?:agent|person|chat)"
                    + "|(?:talk|speak|chat) (?:to|with) (?:someone|somebody|a person)|falar com (?:alguem|uma pessoa|gente)"
                    + ")\\b");
    /**
     * Words of topics the bot has nothing to do with (weather, shopping, jokes, prices, jobs): with them, a question
     * is out of scope for sure, and "help"/"thanks" words around them do not make it a request for help or a thanks.
     */
    private static final Set<String> OFF_TOPIC = Set.of("previsao", "clima", "chover", "chuva", "weather", "rain",
            "forecast", "piada", "joke", "jokes", "filme", "movie", "movies", "serie", "receita", "recipe", "bolo",
            "cake", "futebol", "football", "soccer", "jogo", "game", "presidente", "president", "capital", "dolar",
            "dollar", "bitcoin", "homework", "licao", "vendem", "vende", "sell", "selling", "sells", "comprar", "buy",
            "produto", "produtos", "product", "products", "promocao", "promotion", "desconto", "discount", "frete",
            "shipping", "entregam", "entrega", "delivery", "deliver", "loja", "store", "shop", "emprego", "vaga",
            "job", "jobs", "hiring", "salario", "salary", "boleto", "fatura", "invoice", "bill", "pagamento", "payment",
            "preco", "price", "custa", "cost", "costs", "mensalidade", "fee", "pizza", "restaurante", "restaurant",
            "musica", "music", "song", "namora", "namorado", "namorada", "girlfriend", "boyfriend", "horas", "hora",
            "time", "site", "website", "temperatura", "temperature", "noticias", "news", "horoscopo", "signo",
            "pedido", "order");
    /** The whole registration, as opposed to one field: "atualizar meu cadastro", "update everything". */
    private static final Set<String> EVERYTHING = Set.of("cadastro", "dados", "tudo", "everything", "all", "details",
            "registration", "profile");
    /** Words naming a topic ("address") or, for parts of the address, the one field ("number"). */
    private static final Map<String, Set<String>> TARGET_WORDS = Map.ofEntries(
            Map.entry("name", Set.of("nome", "name")),
            Map.entry("email", Set.of("email", "mail", "correio")),
            Map.entry("address", Set.of("endereco", "address", "cep", "zip", "moro", "mudei")),
            Map.entry("number", Set.of("numero", "number")),
            Map.entry("complement", Set.of("complemento", "apartamento", "apto", "complement", "apartment")),
            Map.entry("street", Set.of("rua", "avenida", "logradouro", "street")),
            Map.entry("district", Set.of("bairro", "district", "neighborhood")),
            Map.entry("city", Set.of("cidade", "city", "municipio")),
            Map.entry("cpf", Set.of("cpf")),
            Map.entry("birthDate", Set.of("nascimento", "aniversario", "nasci", "birthday", "birth", "born")),
            Map.entry("phone", Set.of("telefone", "celular", "fone", "whatsapp", "zap", "phone", "mobile",
                    "cellphone")));
    /** Emojis as keywords that say nothing about the language ("sim" would make a thumbs-up Portuguese). */
    /** How a question or a request of another kind opens: never the start of a value. */
    private static final Set<String> QUESTION_OPENERS = Set.of("qual", "quais", "quanto", "quanta", "quando", "onde",
            "como", "porque", "por", "voces", "vcs", "vc", "voce", "what", "whats", "how", "where", "when", "why",
            "who", "can", "could", "do", "does", "is", "are", "tell", "me", "will", "would");

    /** Intents that a value in the same message outweighs. */
    private static final Set<Intent> SMALL_TALK = Set.of(Intent.AFFIRM, Intent.GREET, Intent.THANKS, Intent.HELP,
            Intent.GOODBYE);

    private static final Pattern ELONGATION = Pattern.compile("(\\p{L})\\1+");
    /** Words that introduce a value, so that a slip in them ("me chmao", "nome comlpeto") is read through. */
    private static final Set<String> VALUE_LEAD_INS = Set.of("chamo", "completo", "verdade", "nasci", "moved", "mudei",
            "dados", "bairro", "numero", "nascimento", "telefone", "celular", "moro", "deixa", "assim", "mesmo", "fazer",
            "abrir", "criar", "conta", "account", "certinho", "pergunta", "segue");
    /** Common words one slip away from a keyword ("about" ~ "abort", "thats" ~ "whats"): never read as it. */
    private static final Set<String> NOT_TYPOS = Set.of("about", "thats", "there", "where", "these", "those", "month");
    /** Every keyword; a word within one slip of one of five letters or more is read as that keyword. */
    private static final Set<String> KEYWORDS = Stream.concat(
            Stream.of(AFFIRM, DENY, CANCEL, HELP, GREET, THANKS, UPDATE, REGISTER, DELETE, ACCOUNT, GOODBYE, SHOW, DATA,
                    HUMAN, BACK, KEEP, CORRECT, EVERYTHING, GREET_FILLER, UNTIL, NOT_TYPOS, VALUE_LEAD_INS).flatMap(Set::stream),
            Stream.concat(TARGET_WORDS.values().stream().flatMap(Set::stream),
                    // Only the long off-topic words forgive a slip ("weahter"): short ones are too near place names
                    // ("Recife" is one slip from "recipe").
                    OFF_TOPIC.stream().filter(word -> word.length() >= 7))).collect(Collectors.toUnmodifiableSet());
    private static final Map<Integer, List<String>> BY_FIRST_LETTER = KEYWORDS.stream()
            .filter(keyword -> keyword.length() >= 5)
            .collect(Collectors.groupingBy(keyword -> key(keyword.length(), keyword.charAt(0)),
                    Collectors.toUnmodifiableList()));
    private static final Map<Integer, List<String>> BY_SECOND_LETTER = KEYWORDS.stream()
            .filter(keyword -> keyword.length() >= 5)
            .collect(Collectors.groupingBy(keyword -> key(keyword.length(), keyword.charAt(1)),
                    Collectors.toUnmodifiableList()));
    private static int key(int length, char letter) {
        return length << 16 | letter;
    }

    private static final Map<String, String> EMOJIS = Map.ofEntries(Map.entry("👍", " ok "), Map.entry("👌", " ok "),
            Map.entry("✅", " ok "), Map.entry("✔", " ok "), Map.entry("☑", " ok "), Map.entry("🆗", " ok "),
            Map.entry("👎", " negativo "), Map.entry("❌", " negativo "), Map.entry("🙅", " negativo "),
            Map.entry("🚫", " negativo "), Map.entry("🙏", " thx "), Map.entry("👋", " opa "), Map.entry("🆘", " socorro "));
    private static final Map<String, String> ABBREVIATIONS = Map.of("vc", "voce", "q", "que", "tb", "tambem",
            "pq", "porque", "blz", "ok", "pfv", "favor", "pfvr", "favor", "obg", "obrigado", "msm", "mesmo");

    private static final Set<String> ENGLISH = Set.of("hi", "hello", "hey", "yes", "no", "yeah", "nope", "my", "i",
            "want", "update", "change", "name", "please", "thanks", "thank", "you", "the", "is", "to", "help", "sure",
            "cancel", "edit", "would", "like", "register", "new", "it", "correct");
    private static final Set<String> PORTUGUESE_WORDS = Set.of("oi", "ola", "sim", "nao", "quero", "meu", "minha",
            "nome", "atualizar", "mudar", "alterar", "trocar", "o", "a", "de", "do", "da", "e", "por", "favor",
            "obrigado", "obrigada", "cadastro", "cadastrar", "ajuda", "cancelar", "bom", "boa", "dia", "novo", "valeu");

    private static final Pattern EMAIL = Pattern.compile("[^\\s@<>(),;:\"]+@[^\\s@<>(),;:\"]+\\.[^\\s@<>(),;:\"]+");
    private static final Pattern PHONE = Pattern.compile(
            "(?<![\\d@])((?:\\+?55\\s*)?\\(?\\d{2}\\)?\\s*9?\\s*\\d{4}[\\s.-]?\\d{4})(?![\\d@])");
    private static final Pattern CPF = Pattern.compile("(?<![\\d.-])(\\d{3}\\.?\\d{3}\\.?\\d{3}-?\\d{2})(?![\\d-])(?!\\.\\d)");
    private static final Pattern CEP = Pattern.compile("(?<![\\d.-])(\\d{2}\\.?\\d{3}-\\d{3}|\\d{8})(?![\\d-])(?!\\.\\d)");
    /** Where someone lives, said in passing: "moro em Londrina", "I'm from Curitiba, PR". */
    private static final Pattern LIVES_IN = Pattern.compile(
            "(?:\\bi\\s+live\\s+in|\\bi'?m\\s+from|\\bsou\\s+de|\\bmoro\\s+em|\\bmoved\\s+to|\\bmudei\\s+(?:pra|para))\\s+(\\p{Lu}[\\p{L}' ]+?)(?:\\s*[,-]\\s*(\\p{L}[\\p{L} ]*?))?"
                    + "(?=\\s*(?:[.!?;,]|[^\\p{L}\\p{N}\\s'-]|$)|\\s+(?:né|ne|ok|okay|aí|ai|tá|you\\s+know|fico|desde|thanks|thank|many|obrigad\\w*"
                    + "|agrade\\w*|please|por\\s+favor|preciso|need|quero|want|e\\s+(?:meu|minha|o|a)|and\\s+(?:my|the))\\b)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A street with its kind ("Rua XV de Novembro", "Av. Paulista"), then maybe its number. */
    private static final Pattern STREET = Pattern.compile(
            "\\b((?:rua|r\\.|avenida|av\\.?|travessa|tv\\.|alameda|pra[cç]a|estrada|rodovia|largo)\\s+(?!(?:é|e|eh|is)\\s)[\\p{L}][\\p{L}\\d'. ]*?)"
                    + "(?=\\s*(?:,|;|\\bn[uú]mero\\b|\\bn[º°]|\\bnunero\\b|\\bnumber\\b|\\d|-|$|\\.\\s))"
                    + "(?:\\s*,?\\s*(?:n[uú]mero|nunero|number|n[º°o]\\.?)?\\s*:?\\s*(\\d{1,5}[a-zA-Z]?|s/n)(?![\\d-]))?",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** An apartment, block, house or shop: "apto 42", "bloco B, apto 12", "cobertura". */
    private static final Pattern COMPLEMENT = Pattern.compile(
            "\\b((?:(?:apto|apartamento|ap\\.|casa|loja|sala|conjunto|cj\\.?)\\s*\\d+[a-zA-Z]?|(?:bloco|bl\\.)\\s*[A-Za-z0-9]+)"
                    + "(?:\\s*,?\\s*(?:(?:apto|apartamento|ap\\.|casa|sala)\\s*\\d+[a-zA-Z]?|(?:bloco|bl\\.)\\s*[A-Za-z0-9]+))?"
                    + "|cobertura|fundos)\\b",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DISTRICT = Pattern.compile(
            "\\bbairro\\s+(?:(?:é|e|eh|is|:)\\s+)?(?!(?:errad|cert|corret|nov|antig|atual|mud|cadastrad|est[aá]\\b|t[aá]\\b|foi\\b|que\\b|e\\b|do\\s+cadastro))(\\p{Lu}[\\p{L}' ]+?)(?=\\s*(?:,|\\bem\\b|\\bin\\b|$|\\.|\\bok\\b))",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern CITY_AFTER_DISTRICT = Pattern.compile(
            "\\bbairro\\b.*?\\bem\\s+(\\p{Lu}[\\p{L}' ]+?)\\s*(?:\\bok\\b|[.!,;]|$)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** A house number after its word: "número 14", "nº 200", "number 12B", "s/n". */
    private static final Pattern HOUSE_NUMBER = Pattern.compile(
            "(?:n[uú]mero|n[º°o]\\.?|number|num\\.?)(?:\\s+(?:é|e|eh|is))?\\s*:?\\s*(\\d{1,5}[a-zA-Z]?|s/n)(?![\\d-])(?!\\s*\\(?\\d)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Words said around an answer that are not part of it: "é Maria", "Maria aí", "it's Ana". */
    private static final Pattern LEADING_FILLER = Pattern.compile(
            "^(?:(?:é|e|eh|sou|seria|it's|its|it\\s+is|i'm|então|entao|ahn|hmm|uh|so|bom|tipo|well|olha)\\s+)+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern TRAILING_FILLER = Pattern.compile(
            "(?:\\s+(?:aí|ai|ok|né|ne|tá|ta|viu|blz|please|thanks|yeah|yes|sim|isso|you\\s+know))+\\s*$", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Greetings and openers before what a message says: "Olá, boa tarde.", "Hi there,", "Com licença,". */
    private static final Pattern GREETING_HEAD = Pattern.compile(
            "^(?:(?:oi|ol[aá]|opa|bom\\s+dia|boa\\s+tarde|boa\\s+noite|hello|hi(?:\\s+there)?|hey|good\\s+(?:morning|afternoon|evening)"
                    + "|prezad[oa]s?|tudo\\s+(?:bem|bom)|hope\\s+you\\s+are\\s+doing\\s+well|excuse\\s+me|com\\s+licen[cç]a)[\\s,.!?]+)+",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Thanks and fillers after what a message says: "Desde já agradeço.", "Many thanks.", "né", "you know". */
    private static final Pattern COURTESY_TAIL = Pattern.compile(
            "(?:[\\s,.!]+(?:desde\\s+j[aá]\\s+agrade[cç]o|fico\\s+no\\s+aguardo|(?:muito\\s+)?obrigad[oa]|valeu|vlw|obg"
                    + "|thanks(?:\\s+in\\s+advance)?|thank\\s+you(?:\\s+for\\s+your\\s+help|\\s+in\\s+advance)?|many\\s+thanks|thx"
                    + "|agrade[cç]o(?:\\s+a\\s+aten[cç][aã]o)?|you\\s+know|n[eé]|ok|okay|a[ií]|t[aá]|viu|blz|please|por\\s+favor|pfv|por\\s+gentileza)"
                    + "[\\s.!]*)+$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern DATE = Pattern.compile("(?<!\\d)(\\d{1,2}[/.-]\\d{1,2}[/.-]\\d{4}|\\d{4}-\\d{2}-\\d{2})(?!\\d)");
    private static final Pattern NAME_LEAD_IN = Pattern.compile(
            "(?:^\\s*(?:(?:uh|um|so|well|ok|okay|então|entao|tipo|hi|hello|hey|oh)[\\s,]+)*(?:i\\s+am|i'm)(?!\\s+(?:from|in|at|not|fine|good|ok|okay|having|trying|looking|lost|confused|sorry|done|here|back|ready|busy|happy|sure|interested|new|moving|going|so|very|still|just|already|a|an|the|afraid|glad|tired|unsure|stuck|out|calling|writing|sending)\\b)|(?:^|\\b)(?:(?:o\\s+)?meu\\s+nome\\s+(?:completo\\s+)?(?:e|é|eh)|me\\s+chamo|my\\s+(?:full\\s+)?name\\s+is|nome\\s*:|name\\s*:|nome\\s+(?:certo|correto)\\s+(?:é|e|eh)|(?:my|the)\\s+name,?\\s+it\\s+is))\\s*[:,]?\\s*(.+)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    /** Where a name given with a lead-in ends: at the next "e meu ...", ", my ..." clause. */
    private static final Pattern NEXT_CLAUSE = Pattern.compile(
            "(?:\\s*[,;.!]\\s*|\\s+(?:e|and)\\s+|\\s+)(?:(?:o|a)\\s+)?(?:meu|minha|my|moro|i\\s+live|thank\\w*|obrigad\\w*|agrade\\w*|por\\s+favor|please"
                    + "|cpf|e-?mail|telefone|celular|fone|phone|cep|zip|born|nascid\\w*|nasci|birth\\w*|endere\\w*|address|whatsapp"
                    + "|desde\\s+j[aá]|fico\\s+no\\s+aguardo|many\\s+thanks|you\\s+know)\\b.*$"
                    + "|\\s*[^\\p{L}\\s'.,;!?-].*$"
                    + "|\\s+\\d.*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE | Pattern.DOTALL);
    /**
     * A name introduced in other words, read only as far as its capitalised words go: "sou a Ana Lima", "this is John
     * Smith", "nome Iara Gomes Lima cpf ...", "NOME GUSTAVO CARVALHO CPF ...".
     */
    private static final Pattern NAME_INTRO = Pattern.compile(
            "(?iu:(?:^\\s*(?:(?:uh|um|so|well|ok|okay|então|entao|tipo|olha|bom)[\\s,]+)*(?:nome|name)(?:\\s+completo)?|\\bsou\\s+(?:o|a)|\\baqui\\s+(?:é|e|eh)\\s+(?:o|a)|^\\s*this\\s+is|\\bcall\\s+me"
                    + "|\\bpode\\s+me\\s+chamar\\s+de|\\bme\\s+chama\\s+de|\\bchamo-me"
                    + "|\\b(?:segue(?:m)?|here\\s+(?:are|is)|aqui\\s+(?:est[aã]o|v[aã]o))\\s+(?:(?:os|o)\\s+)?(?:meus|my)\\s+(?:dados|data|details|info)))\\s*:?\\s+"
                    + "((?!(?iu:cpf|e-?mail|telefone|celular|cep|phone)\\b)\\p{Lu}[\\p{L}'.-]*"
                    + "(?:\\s+(?:(?:de|da|do|dos|das|e|DE|DA|DO|DOS|DAS)\\s+)?(?!(?iu:cpf|e-?mail|telefone|celular|cep|phone)\\b)\\p{Lu}[\\p{L}'.-]*)+)");
    private static final Pattern PHONE_WORD = Pattern.compile("telefone|celular|fone|phone|whats|contato|cel\\b");
    /** A phone number without the area code: "9876-5432", "98765-4321" (a CEP is 5 and 3 digits). */
    private static final Pattern LOCAL_PHONE = Pattern.compile("(?<![\\d@.-])(9?\\d{4}-\\d{4})(?![\\d-])");
    /** A city after "em"/"in", capitalised as names are: "o tempo em Goiânia?", "restaurante em Ribeirão Preto". */
    private static final Pattern CITY_IN = Pattern.compile(
            "\\b(?:em|in)\\s+(?!(?:English|Portuguese|Português|Portugues|Inglês|Ingles)\\b)(\\p{Lu}\\p{Ll}+(?:\\s+(?:(?:de|do|da|dos|das)\\s+)?\\p{Lu}\\p{Ll}+)*)\\s*(?=[?.!,]|$)");
    /** Between the parts of an address after the street and number: ", " or " - ". */
    private static final Pattern ADDRESS_SEPARATOR = Pattern.compile("\\s*(?:[,;]|\\s-\\s|/)\\s*");
    private static final Pattern LEADING_SEPARATOR = Pattern.compile("^[\\s,;/-]+");
    private static final Pattern PLACE_NAME = Pattern.compile(
            "\\p{Lu}[\\p{L}'.]*(?:\\s+(?:(?:de|da|do|dos|das|DE|DA|DO|DOS|DAS)\\s+)?\\p{Lu}[\\p{L}'.]*){0,4}");
    private static final Pattern CHOICE = Pattern.compile("^\\s*(?:op(?:c|ç)(?:a|ã)o|option|n[ºo°]?|#)?\\s*(\\d{1,2})\\s*[.)]?\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    @Override
    public Interpretation interpret(String text, String askedField) {
        String folded = fold(text);
        Words words = Words.of(words(folded));
        String repaired = repaired(text, words);
        Map<String, String> values = spotValues(repaired, repaired == text ? folded : fold(repaired));
        Set<String> targets = new HashSet<>();
        for (var entry : TARGET_WORDS.entrySet()) {
            if (contains(words, entry.getValue())) {
                targets.add(entry.getKey());
            }
        }
        if (targets.contains("phone")) {
            targets.remove("number"); // "número de telefone", "phone number": the phone, not the house number
            if (contains(words, OFF_TOPIC)) {
                targets.remove("phone"); // "vcs vendem celular?": a phone for sale, not the person's
            }
        }
        boolean everything = targets.isEmpty() && contains(words, EVERYTHING);
        Optional<Integer> choice = choice(text);
        boolean question = text.indexOf('?') >= 0;
        Reading reading;
        if ("number".equals(askedField) && text.indexOf('/') > 0 && NO_NUMBER.matcher(answer(text)).matches()) {
            values.put("number", answer(text)); // "s/n": the house has no number, which is an answer
            reading = new Reading(Intent.PROVIDE_VALUE, 0.9);
        } else if (words.size() <= 4 && LAUGHTER.matcher(folded).matches()) {
            reading = new Reading(Intent.OUT_OF_SCOPE, 0.75); // "kkkkk", "hahaha", "rs": no answer to anything
        } else if (question && words.size() <= 2 && PUZZLED.matcher(text).matches()) {
            reading = new Reading(Intent.HELP, 0.8); // "?", "hein?", "como assim?"
        } else {
            reading = intent(words, !targets.isEmpty(), question, !values.isEmpty());
        }
        if (reading != null && SMALL_TALK.contains(reading.intent()) && (!values.isEmpty()
                || !targets.isEmpty() && DIGITS.matcher(text).find() // "o cpf é 87282792287 ok"
                || answersAsked(text, askedField, words) && outweighedByAnswer(reading.intent(), words, text))) {
            reading = null; // "sure, ana@x.com", "Liam Y. Johnson": the value is the message
        }
        if (reading == null) {
            reading = unplaced(text, askedField, values, choice, !targets.isEmpty(), words);
        }
        return new Interpretation(reading.intent(), reading.confidence(), targets, values, choice, language(words.raw()),
                everything);
    }

    /** An intent and how sure the rules are of it: lower when only a misspelt keyword matched. */
    private record Reading(Intent intent, double confidence) {

        static Reading of(Intent intent, Words words, Set<String> keywords, double confidence) {
            boolean exact = words.raw().stream().anyMatch(keywords::contains);
            return new Reading(intent, exact ? confidence : confidence - 0.15);
        }
    }

    /** The intent keywords name, or null when none does. Order matters: the first rule that holds wins. */
    private static Reading intent(Words words, boolean namesAField, boolean question, boolean hasValues) {
        int negation = words.size() > 0 && words.raw().getFirst().equals("no") ? 0 : indexOfAny(words, DENY, true);
        int update = indexOfAny(words, UPDATE, true);
        int delete = indexOfAny(words, DELETE, true);
        int size = words.size();
        String text = words.text();
        boolean offTopic = contains(words, OFF_TOPIC);
        if (size <= 12 && anyOf(words, HELP_PHRASE_CUES) && HELP_PHRASE.matcher(text).find()) {
            return new Reading(Intent.HELP, 0.85);
        }
        if (size <= 6 && UNSURE_PHRASE.matcher(text).find()) {
            return null;
        }
        if (size <= 5 && CORRECT_AS_YES.matcher(text).find()) {
            return new Reading(Intent.AFFIRM, 0.85);
        }
        // "apagar meu cadastro" is an erasure; "remover o complemento do cadastro" is an update of one field.
        // "não quero mais que tenham meus dados" is no negation of the erasure it asks for.
        boolean noLonger = text.contains(" mais ") || text.contains("longer") || text.contains("anymore");
        if (!namesAField && delete >= 0 && contains(words, ACCOUNT) && (negation < 0 || negation > delete || noLonger)) {
            return Reading.of(Intent.DELETE_MY_DATA, words, DELETE, 0.9);
        }
        if (contains(words, CANCEL)) {
            return Reading.of(Intent.CANCEL, words, CANCEL, 0.95);
        }
        if (size <= 12 && anyOf(words, CANCEL_CUES) && CANCEL_PHRASE.matcher(text).find()) {
            return new Reading(Intent.CANCEL, 0.9);
        }
        boolean person = anyOf(words, HUMAN_CUES) && HUMAN_PHRASE.matcher(text).find();
        if (person && size <= 14 && delete < 0) {
            return new Reading(Intent.HUMAN, 0.9);
        }
        if (contains(words, HUMAN) && size <= 14 && delete < 0 && indexOfAny(words, REGISTER, true) < 0) {
            return Reading.of(Intent.HUMAN, words, HUMAN, 0.9);
        }
        if (namesAField && delete >= 0 && update < 0) {
            update = delete;
        }
        if (size <= 8 && anyOf(words, DENY_CUES) && DENY_PHRASE.matcher(text).find()) {
            return new Reading(Intent.DENY, 0.9);
        }
        if (size <= 10 && anyOf(words, KEEP_CUES) && KEEP_PHRASE.matcher(text).find() || size <= 6 && indexOfAny(words, KEEP, true) >= 0
                && update < 0) {
            return new Reading(Intent.KEEP, 0.85);
        }
        boolean corrects = indexOfAny(words, CORRECT, false) >= 0 || misspeltLongCorrection(words)
                || words.canonical().contains("correcao")
                || words.canonical().contains("correction") || anyOf(words, CORRECTION_CUES) && CORRECTION_PHRASE.matcher(text).find()
                || negation < 0 && anyOf(words, MEANT_CUES) && MEANT_PHRASE.matcher(text).find();
        if (corrects && (update < 0 || words.canonical().get(update).startsWith("corrig")
                || words.canonical().get(update).equals("fix")) && !(size <= 3 && contains(words, AFFIRM) && !words.text().contains("corrig"))) {
            return new Reading(Intent.CORRECT, 0.85);
        }
        if (size <= 10 && contains(words, BACK) && update < 0) {
            return Reading.of(Intent.BACK, words, BACK, 0.9);
        }
        if (negation >= 0 && (update > negation || delete > negation)) {
            return new Reading(Intent.DENY, 0.85);
        }
        if (update >= 0) {
            return Reading.of(CORRECTION_PHRASE.matcher(text).find() ? Intent.CORRECT : Intent.UPDATE, words,
                    UPDATE, 0.9);
        }
        if (indexOfAny(words, REGISTER, true) >= 0 || registers(words)) {
            return Reading.of(Intent.REGISTER, words, REGISTER, 0.9);
        }
        if (shows(words) || !hasValues && namesAField && asksAboutOwn(words)) {
            return new Reading(Intent.SHOW_MY_DATA, 0.85);
        }
        if (size <= 8 && (contains(words, GOODBYE) || GOODBYE_PHRASE.matcher(text).find())) {
            return Reading.of(Intent.GOODBYE, words, GOODBYE, 0.9);
        }
        if (size <= 7 && !offTopic && negation < 0 && AFFIRM_PHRASE.matcher(text).matches()) {
            return new Reading(Intent.AFFIRM, 0.85);
        }
        if (size <= 10 && !question && contains(words, THANKS) && THANKS_FOR.matcher(text).find()) {
            return new Reading(Intent.THANKS, 0.9); // "thanks for the help": a thanks, not a request for help
        }
        boolean elsewhere = offTopic || helpWithSomethingElse(text);
        if (!elsewhere && size <= 10 && anyOf(words, HELP_QUESTION_CUES) && HELP_QUESTION.matcher(text).find()) {
            return new Reading(Intent.HELP, 0.85);
        }
        boolean asksHelp = words.raw().contains("help") || words.raw().contains("ajuda");
        if (!elsewhere && contains(words, HELP) && (size <= 10 || asksHelp) && (asksHelp || !contains(words, THANKS))) {
            return Reading.of(Intent.HELP, words, HELP, 0.85);
        }
        if (size <= 8 && contains(words, THANKS) && negation != 0 && !question && !offTopic) {
            return Reading.of(Intent.THANKS, words, THANKS, 0.9);
        }
        if (negation >= 0 && (negation == 0 || size <= 6) && size <= 10) {
            return new Reading(Intent.DENY, size <= 2 ? 0.95 : 0.8);
        }
        if (size > 0 && size <= 10 && GREET.contains(words.canonical().getFirst())
                && words.canonical().stream().allMatch(word -> GREET.contains(word) || GREET_FILLER.contains(word))) {
            return new Reading(Intent.GREET, 0.95);
        }
        if (question && size <= 4 && HOW_ARE_YOU.matcher(text).matches()) {
            return new Reading(Intent.GREET, 0.85); // "tudo bem?": small talk, not a yes
        }
        if (size <= 5 && !offTopic && !(question && size > 1)
                && (contains(words, AFFIRM) || words.text().equals("thats it"))) {
            return new Reading(Intent.AFFIRM, size <= 2 ? 0.95 : 0.8);
        }
        return null;
    }

    /**
     * "can you help me with my taxes?", "me ajuda a escolher um presente": help with something that is not the
     * registration (nothing in what follows names it), so no request for help with the bot.
     */
    private static boolean helpWithSomethingElse(String text) {
        if (!text.contains("help") && !text.contains("ajud")) {
            return false;
        }
        Matcher with = HELP_WITH.matcher(text);
        if (!with.find()) {
            return false;
        }
        for (String word : with.group(1).split(" ")) {
            if (OUR_TOPICS.contains(word) || TARGET_WORDS.values().stream().anyMatch(field -> field.contains(word))) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern HELP_WITH = Pattern.compile(
            "\\b(?:help(?: me)?|ajuda(?:r)?(?: me)?|me ajud[ae]) (?:with|com|a|to|pra|para|em|on|in|find|escolher|achar|fazer) (.+)$");
    private static final Set<String> OUR_TOPICS = Set.of("cadastro", "dados", "data", "registration", "account",
            "conta", "registro", "perfil", "profile", "details", "info", "information", "informacoes", "atualizar",
            "update", "mudar", "change", "trocar", "alterar", "isso", "this", "it", "aqui", "here", "bot", "robo",
            "form", "formulario", "sign", "up", "cadastrar", "register", "apagar", "delete", "ver", "see", "show",
            "telefone", "phone", "celular", "whatsapp", "you", "voce", "pergunta", "question", "resposta", "answer");

    /** "atcually", "corrignido", "msispelled": a long correction word with a slip (short ones are too near others). */
    private static boolean misspeltLongCorrection(Words words) {
        for (String word : words.canonical()) {
            if (word.length() >= 5 && CORRECT.contains(word) && !word.equals("correct")) {
                return true;
            }
        }
        return false;
    }

    /** Whether any word, as written or with its slip put right, is one of these: a cheap check before a phrase pattern. */
    private static boolean anyOf(Words words, Set<String> cues) {
        for (String word : words.canonical()) {
            if (cues.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** "qual é o meu e-mail?", "what's my date of birth?": a question about one's own stored field. */
    private static boolean asksAboutOwn(Words words) {
        List<String> raw = words.raw();
        boolean own = raw.contains("meu") || raw.contains("minha") || raw.contains("my") || raw.contains("meus")
                || raw.contains("minhas");
        boolean asks = raw.contains("qual") || raw.contains("quais") || raw.contains("what") || raw.contains("whats")
                || raw.contains("which");
        return own && asks;
    }

    private static final Set<String> MAKE = Set.of("fazer", "faz", "faca", "facam", "realizar", "create", "open", "make",
            "abrir", "criar", "crie", "new", "nova", "novo");
    private static final Set<String> AN_ACCOUNT = Set.of("cadastro", "cad", "account", "conta", "registro", "acount");
    private static final Set<String> SHOW_STRONG = Set.of("ver", "mostrar", "mostra", "show", "display", "view",
            "consultar", "conferir", "consta", "visualizar", "check", "review", "tell", "saber");
    private static final Set<String> MINE = Set.of("my", "meus", "meu");
    private static final Set<String> MY_DATA = Set.of("data", "dados", "info", "details", "cadastro");

    /** "fazer meu cadastro", "create an account", "sign me up". */
    private static boolean registers(Words words) {
        List<String> canonical = words.canonical();
        boolean make = canonical.stream().anyMatch(MAKE::contains);
        boolean account = canonical.stream().anyMatch(AN_ACCOUNT::contains);
        boolean signUp = canonical.contains("sign") && (canonical.contains("up") || canonical.contains("me"));
        return signUp || make && account;
    }

    /** "ver meus dados", "o que consta no meu cadastro?", "what do you have on file?". */
    private static boolean shows(Words words) {
        List<String> canonical = words.canonical();
        boolean asks = canonical.stream().anyMatch(SHOW::contains)
                || canonical.contains("que") || canonical.contains("como") || canonical.contains("how");
        boolean aboutData = canonical.stream().anyMatch(DATA::contains) || words.text().contains("on file")
                || canonical.contains("my") || canonical.contains("meu") || canonical.contains("meus")
                || canonical.contains("minhas") || canonical.contains("minha");
        boolean strong = canonical.stream().anyMatch(SHOW_STRONG::contains);
        boolean terse = canonical.size() <= 3 && canonical.stream().anyMatch(MINE::contains)
                && canonical.stream().anyMatch(MY_DATA::contains);
        return terse || asks && aboutData && (strong || canonical.stream().anyMatch(DATA::contains));
    }

    /**
     * No keyword: the answer to the field being asked (surer when it is a valid value of that field), a value
     * spotted in the text, a number picked from a menu, or something the bot does not deal with.
     */
    private static Reading unplaced(String text, String askedField, Map<String, String> values,
            Optional<Integer> choice, boolean namesAField, Words words) {
        boolean offTopic = contains(words, OFF_TOPIC);
        boolean question = text.indexOf('?') >= 0
                || !words.raw().isEmpty() && QUESTION_OPENERS.contains(words.raw().getFirst());
        // Out of scope for sure when it is about another topic; a question of some other kind is less clear.
        Reading elsewhere = new Reading(Intent.OUT_OF_SCOPE, offTopic ? 0.8 : question ? 0.5 : 0.4);
        if (askedField != null) {
            boolean spotted = values.containsKey(askedField);
            // What the answer says between a greeting and a thanks ("Oi, tudo bem? Tijuca. Obrigada!").
            List<String> core = words(fold(withoutCourtesy(text)));
            if (!spotted && !core.isEmpty() && QUESTION_OPENERS.contains(core.getFirst())) {
                return elsewhere; // "vocês entregam no sábado", "tell me a joke"
            }
            question = withoutCourtesy(text).indexOf('?') >= 0;
            String answer = spotted ? wholeAnswer(text, askedField, values.get(askedField)) : answer(text);
            boolean valid = validFor(askedField, answer);
            // A question instead of the answer ("Com licença, vcs vendem celular?"); a free-text field takes
            // almost any text, so a question mark in a sentence of some length tells more than the validator.
            if (!spotted && question && (!valid || core.size() >= 3)
                    || !spotted && offTopic && !(valid && looksLikeAName(text))) {
                return elsewhere;
            }
            values.put(askedField, answer);
            return new Reading(Intent.PROVIDE_VALUE, valid ? 0.95 : 0.6);
        }
        if (offTopic && values.keySet().equals(Set.of("city"))) {
            return elsewhere; // "what's the weather in Goiânia?": a city named in passing
        }
        if (!values.isEmpty() || choice.isPresent()) {
            return new Reading(Intent.PROVIDE_VALUE, 0.85);
        }
        if (namesAField) {
            if (question) {
                return new Reading(Intent.OUT_OF_SCOPE, 0.5); // "qual é o seu nome?": asks about the bot
            }
            // "meu cpf é 123.456.789-00": a value of that field that the rules would not take (an invalid CPF),
            // still an answer; "nome: Ana Lima", "moro em Londrina": most likely a value after the field's name, in
            // a form the rules do not spot, so the value itself is better read by a model when one is configured.
            return new Reading(Intent.PROVIDE_VALUE, DIGITS.matcher(text).find() ? 0.8 : 0.65);
        }
        return elsewhere;
    }

    /** Every word capitalised, or only connectives between them: "Maria do Socorro", "Jardim Botânico". */
    private static boolean looksLikeAName(String text) {
        for (String word : text.strip().split("\\s+")) {
            if (!word.isEmpty() && !Character.isUpperCase(word.codePointAt(0)) && !CONNECTIVES.contains(word)) {
                return false;
            }
        }
        return true;
    }

    /**
     * The value of the field asked: what the rules spotted, or the whole answer when the answer is nothing but the
     * value in a longer form ("torre 2 apto 88", "Casa dos fundos" where "apto 88", "fundos" was spotted).
     */
    private static String wholeAnswer(String text, String askedField, String spotted) {
        if (!askedField.equals("complement")) {
            return spotted;
        }
        String whole = answer(text);
        if (whole.length() <= spotted.length() || whole.length() > 40) {
            return spotted;
        }
        for (String word : fold(whole).split("[^\\p{L}\\p{N}]+")) {
            if (LEAD_IN_WORDS.contains(word)) {
                return spotted;
            }
        }
        return whole;
    }

    private static Map<String, String> spotValues(String message, String lower) {
        Map<String, String> values = new HashMap<>();
        String text = withoutCourtesy(message);
        // Cheap checks first: most patterns need a digit, an "@" or a word of their own to match at all.
        boolean digits = hasDigit(text);
        Matcher email = EMAIL.matcher(text);
        String rest = text;
        if (text.indexOf('@') >= 0 && email.find()) {
            values.put("email", email.group().replaceAll("[.!?]+$", ""));
            rest = text.replace(email.group(), " ");
        }
        Matcher date = DATE.matcher(rest);
        if (digits && date.find()) {
            values.put("birthDate", date.group(1));
            rest = rest.replace(date.group(1), " ");
        }
        Matcher cpf = CPF.matcher(rest);
        // Eleven digits are a CPF only when the check digits say so; otherwise most likely a phone number.
        if (digits && cpf.find() && RegistrationFields.CPF.validate(cpf.group(1)) instanceof Validation.Valid) {
            values.put("cpf", cpf.group(1));
            rest = rest.replace(cpf.group(1), " ");
        }
        Matcher cep = CEP.matcher(rest);
        if (digits && cep.find()) {
            values.put("postalCode", cep.group(1));
            rest = rest.replace(cep.group(1), " ");
        }
        Matcher street = STREET.matcher(rest);
        if (containsAny(lower, STREET_HINTS) && street.find()) {
            values.put("street", street.group(1).strip().replaceAll("[.,]+$", ""));
            if (street.group(2) != null) {
                values.put("number", street.group(2));
                addressTail(rest.substring(street.end()), values);
            }
            rest = rest.replace(street.group(), " ");
        }
        Matcher complement = COMPLEMENT.matcher(rest);
        if (!values.containsKey("complement") && containsAny(lower, COMPLEMENT_HINTS) && complement.find()) {
            values.put("complement", complement.group(1).strip());
        }
        Matcher district = DISTRICT.matcher(rest);
        if (lower.contains("bairro") && district.find()) {
            values.put("district", district.group(1).strip());
            Matcher city = CITY_AFTER_DISTRICT.matcher(rest);
            if (city.find()) {
                values.put("city", city.group(1).strip());
            }
        }
        Matcher livesIn = LIVES_IN.matcher(rest);
        if (containsAny(lower, LIVES_IN_HINTS) && livesIn.find()) {
            String city = livesIn.group(1).strip();
            String state = livesIn.group(2);
            Matcher unit = TRAILING_UNIT.matcher(city);
            if (state == null && unit.find() && RegistrationFields.STATE.validate(unit.group(1)) instanceof Validation.Valid) {
                state = unit.group(1); // "Curitiba PR": the state after the city, without a comma
                city = city.substring(0, unit.start()).strip();
            }
            values.put("city", city);
            if (state != null && RegistrationFields.STATE.validate(state) instanceof Validation.Valid) {
                values.put("state", state.strip());
            }
        }
        Matcher number = HOUSE_NUMBER.matcher(rest);
        if (!values.containsKey("number") && (digits || rest.indexOf('/') >= 0) && number.find()) {
            values.put("number", number.group(1));
            rest = rest.replace(number.group(), " ");
        }
        Matcher phone = PHONE.matcher(rest);
        if (!digits) {
            // no phone number without digits
        } else if (phone.find()) {
            int count = (int) phone.group(1).chars().filter(Character::isDigit).count();
            // Eleven digits after "cpf" are a CPF with wrong check digits, not a phone number.
            boolean invalidCpf = count == 11 && lower.contains("cpf") && !PHONE_WORD.matcher(lower).find();
            if (count >= 10 && !invalidCpf) {
                values.put("phone", phone.group(1).strip());
            }
        } else if (rest.indexOf('-') >= 0) {
            Matcher local = LOCAL_PHONE.matcher(rest);
            if (local.find()) {
                values.put("phone", local.group(1));
            }
        }
        if (!values.containsKey("city") && (capitalisedAfter(text, "em ") || capitalisedAfter(text, "in "))) {
            Matcher city = CITY_IN.matcher(rest);
            if (city.find()) {
                values.put("city", city.group(1));
            }
        }
        Matcher name = NAME_LEAD_IN.matcher(text);
        if (containsAny(lower, NAME_HINTS) && name.find()) {
            String spoken = NEXT_CLAUSE.matcher(name.group(1)).replaceFirst("").replaceAll("[,.!?;].*$", "");
            spoken = TRAILING_FILLER.matcher(spoken).replaceFirst("");
            values.put("name", spoken.strip().replaceAll("[.!]+$", ""));
        } else if (lower.contains("nome") || lower.contains("name") || lower.contains("sou ") || lower.contains("aqui")
                || lower.contains("this is") || lower.contains("call me") || lower.contains("cham")
                || lower.contains("dados") || lower.contains("details") || lower.contains("data")) {
            Matcher intro = NAME_INTRO.matcher(text);
            if (intro.find()) {
                values.put("name", intro.group(1).strip());
            }
        }
        return values;
    }

    /** Whether {@code word} is followed by a capital letter somewhere in the text: a cheap check before a pattern. */
    private static boolean capitalisedAfter(String text, String word) {
        for (int at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
            int next = at + word.length();
            if (next < text.length() && Character.isUpperCase(text.charAt(next))) {
                return true;
            }
        }
        return false;
    }

    /**
     * The parts of an address written after the street and number, as Brazilians write them: "Rua Augusta, 500,
     * apto 12 - Consolação, São Paulo - SP". Capitalised parts are read in order (a complement where one is, then
     * district, city), a state only where a state is; a part in lower case or with other words ends the address.
     */
    private static void addressTail(String tail, Map<String, String> values) {
        List<String> places = new ArrayList<>();
        String state = null;
        for (String part : ADDRESS_SEPARATOR.split(LEADING_SEPARATOR.matcher(tail).replaceFirst(""))) {
            String segment = part.strip().replaceAll("[.!]+$", "").strip();
            if (segment.isEmpty()) {
                continue;
            }
            if (state != null) {
                break;
            }
            Matcher complement = COMPLEMENT.matcher(segment);
            if (complement.matches() && places.isEmpty()) {
                values.putIfAbsent("complement", segment);
            } else if (segment.length() == 2 && RegistrationFields.STATE.validate(segment) instanceof Validation.Valid) {
                state = segment;
            } else if (PLACE_NAME.matcher(segment).matches() && places.size() < 2) {
                places.add(segment);
            } else {
                break;
            }
        }
        if (state != null && !places.isEmpty()) {
            values.put("state", state);
            values.put("city", places.removeLast());
        }
        if (places.size() == 2) {
            values.put("city", places.removeLast());
        }
        if (!places.isEmpty()) {
            values.put("district", places.getFirst());
        }
    }

    private static final String[] STREET_HINTS = {"rua", "r.", "av", "travessa", "tv.", "alameda", "praca", "estrada",
            "rodovia", "largo"};
    private static final String[] COMPLEMENT_HINTS = {"ap", "casa", "loja", "sala", "conj", "cj", "bl", "cobertura",
            "fundos"};
    private static final String[] LIVES_IN_HINTS = {"live", "from", "sou de", "moro", "moved", "mudei"};
    private static final String[] NAME_HINTS = {"i am", "im", "nome", "name", "chamo"};

    private static boolean containsAny(String text, String[] hints) {
        for (String hint : hints) {
            if (text.contains(hint)) {
                return true;
            }
        }
        return false;
    }

    private static boolean hasDigit(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '0' && c <= '9') {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether an answer to the field asked outweighs this small talk: "Liam Y. Johnson" is a name with a "y" in it,
     * "Maria do Socorro" one with "socorro"; but "preciso de ajuda" asks for help whatever field was asked, and
     * thanks and goodbyes are never a name or an address.
     */
    private static boolean outweighedByAnswer(Intent intent, Words words, String text) {
        return switch (intent) {
            // "Oi, tudo bem? Maria da Silva. Obrigada!": a name between a greeting and a thanks.
            case THANKS, GOODBYE -> words(fold(answer(text))).stream()
                    .noneMatch(word -> THANKS.contains(word) || GOODBYE.contains(word) || GREET.contains(word));
            case HELP -> words.raw().stream().noneMatch(HELP_CUES::contains);
            // "perfeito 👍" while asking the complement is a yes; "Liam Y. Johnson" is a name with a "y" in it.
            default -> words(fold(answer(text))).stream().anyMatch(word -> !AFFIRM.contains(word)
                    && !GREET.contains(word) && !GREET_FILLER.contains(word) && !THANKS.contains(word)
                    && !POLITE.contains(word));
        };
    }

    /** Several words that make a valid value of the field asked ("Liam Y. Johnson" is a name, not a "y"). */
    private static boolean answersAsked(String text, String askedField, Words words) {
        return askedField != null && words.size() >= 2 && validFor(askedField, answer(text));
    }

    private static boolean validFor(String fieldName, String value) {
        // The phone is never asked in a form (it is the sender's WhatsApp number), but may be asked by a flow.
        if (fieldName.equals("phone") && value.chars().filter(Character::isDigit).count() < 8) {
            return false; // no number to parse
        }
        Optional<Field> field = fieldName.equals("phone") ? Optional.of(RegistrationFields.PHONE)
                : RegistrationFields.byName(fieldName);
        return field
                .map(candidate -> candidate.validate(value) instanceof Validation.Valid).orElse(false);
    }

    /** A free-text answer without the words said around it: "é Maria da Silva aí" -> "Maria da Silva". */
    private static String answer(String text) {
        String bare = withoutCourtesy(text);
        String trimmed = TRAILING_FILLER.matcher(LEADING_FILLER.matcher(bare).replaceFirst("")).replaceFirst("");
        if (trimmed.length() > 3 && FIELD_LEAD_IN_HINT.matcher(trimmed).lookingAt()) {
            trimmed = FIELD_LEAD_IN.matcher(trimmed).replaceFirst("");
        }
        return TRAILING_PUNCTUATION.matcher(trimmed).replaceFirst("").strip();
    }

    /**
     * The text with the slips in its lower-case words put right ("me chmao Ana" -> "me chamo Ana"), so that the
     * patterns that find values after their lead-ins read through them. Capitalised words (names, places) stay as
     * written, and so every value stays as it was typed. Most messages have no slip, and come back as they are.
     */
    private static String repaired(String text, Words words) {
        Map<String, String> fixes = null;
        for (int i = 0; i < words.size(); i++) {
            String raw = words.raw().get(i);
            String canonical = words.canonical().get(i);
            if (!raw.equals(canonical) && raw.length() >= 5) {
                if (fixes == null) {
                    fixes = new HashMap<>();
                }
                fixes.put(raw, canonical);
            }
        }
        if (fixes == null) {
            return text;
        }
        StringBuilder out = new StringBuilder(text.length() + 8);
        Matcher word = LETTERS.matcher(text);
        int last = 0;
        while (word.find()) {
            String token = word.group();
            if (Character.isLowerCase(token.charAt(0)) && !inAddress(text, word.start(), word.end())) {
                String fix = fixes.get(fold(token));
                if (fix != null) {
                    out.append(text, last, word.start()).append(fix);
                    last = word.end();
                }
            }
        }
        return last == 0 ? text : out.append(text, last, text.length()).toString();
    }

    private static final Pattern LETTERS = Pattern.compile("\\p{L}+");
    /** Two capitals ending a place: the federative unit ("Curitiba PR"). */
    private static final Pattern TRAILING_UNIT = Pattern.compile("\\s([A-Z]{2})$");

    /** Part of an e-mail address or similar ("gmail" in "ana@gmail.com" is no slip of "email"). */
    private static boolean inAddress(String text, int start, int end) {
        return start > 0 && "@._-".indexOf(text.charAt(start - 1)) >= 0
                || end < text.length() && "@._-".indexOf(text.charAt(end)) >= 0;
    }

    /**
     * What a message says without the greeting before it, the thanks after it and the emojis around it: "Olá, boa
     * tarde. Sou de Recife. Obrigada!" -> "Sou de Recife". Every value in it is still where it was in the text.
     */
    private static String withoutCourtesy(String text) {
        String bare = edgesTrimmed(text);
        if (bare.isBlank()) {
            return text.strip(); // "???", "👍": nothing but symbols, which is what was said
        }
        String headless = GREETING_HEAD.matcher(bare).replaceFirst("");
        if (headless.isBlank()) {
            return bare;
        }
        if (!COURTESY_ENDINGS.contains(lastWord(headless))) {
            return headless; // the tail pattern cannot match: spare it
        }
        String core = edgesTrimmed(COURTESY_TAIL.matcher(headless).replaceFirst(""));
        return core.isBlank() ? headless : core;
    }

    /** The last word (letters only), lower-cased: "Obrigada!" -> "obrigada". */
    private static String lastWord(String text) {
        int end = text.length();
        while (end > 0 && !Character.isLetter(text.charAt(end - 1))) {
            end--;
        }
        int start = end;
        while (start > 0 && Character.isLetter(text.charAt(start - 1))) {
            start--;
        }
        return text.substring(start, end).toLowerCase(Locale.ROOT);
    }

    private static final Set<String> COURTESY_ENDINGS = Set.of("agradeco", "agradeço", "aguardo", "obrigado",
            "obrigada", "valeu", "vlw", "obg", "thanks", "advance", "help", "you", "know", "ne", "né", "ok", "okay",
            "ai", "aí", "ta", "tá", "viu", "blz", "please", "favor", "pfv", "gentileza", "thx", "atencao", "atenção");

    /** Without emojis, symbols and spaces at either end; a full stop, ")" or "?" may end it. */
    private static String edgesTrimmed(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && !edgeKeeps(text.charAt(start), true)) {
            start++;
        }
        while (end > start && !edgeKeeps(text.charAt(end - 1), false)) {
            end--;
        }
        return start == 0 && end == text.length() ? text : text.substring(start, end);
    }

    private static boolean edgeKeeps(char c, boolean head) {
        return Character.isLetterOrDigit(c) || (head ? c == '(' || c == '+' : c == '.' || c == ')' || c == '?');
    }

    private static final Pattern TRAILING_PUNCTUATION = Pattern.compile("[\\s,;:.!]+$");
    private static final Pattern FIELD_LEAD_IN_HINT = Pattern.compile("(?iu)(?:o|a|the|meu|minha|my|nome|name|rua|street|n[uú]m|number|house|complement|bairro|district|neighbo|cidade|city|estado|state|uf)");
    /** The field named before its value: "minha rua é Rua Augusta", "the city is Curitiba", "o meu é 42". */
    private static final Pattern FIELD_LEAD_IN = Pattern.compile(
            "^(?:(?:o|a|the)\\s+)?(?:(?:meu|minha|my)\\s+)?(?:(?:nome(?:\\s+completo)?|full\\s+name|name|rua|street|n[uú]mero(?:\\s+da\\s+casa)?"
                    + "|house\\s+number|number|complemento|complement|bairro|district|neighbou?rhood|cidade|city|estado|state|uf)\\s*)?"
                    + "(?:é|e|eh|is|:|=)\\s+(?=\\S)|^(?:estado|state)\\s+(?:de|do|da|of)\\s+(?=\\S)",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    private static Optional<Integer> choice(String text) {
        Matcher matcher = CHOICE.matcher(text);
        return matcher.matches() ? Optional.of(Integer.parseInt(matcher.group(1))) : Optional.empty();
    }

    private static Optional<Locale> language(List<String> words) {
        long english = words.stream().filter(ENGLISH::contains).count();
        long portuguese = words.stream().filter(PORTUGUESE_WORDS::contains).count();
        if (english > portuguese) {
            return Optional.of(Locale.ENGLISH);
        }
        if (portuguese > english) {
            return Optional.of(PORTUGUESE);
        }
        return Optional.empty();
    }

    private static boolean contains(Words words, Set<String> keywords) {
        return indexOfAny(words, keywords, true) >= 0;
    }

    /**
     * The position of the first word that is one of the keywords, allowing one slip in words of five letters or
     * more ({@code tolerateTypos}): the slip was already resolved once per word, against every keyword, in
     * {@link Words#canonical()}.
     */
    private static int indexOfAny(Words words, Set<String> keywords, boolean tolerateTypos) {
        List<String> candidates = tolerateTypos ? words.canonical() : words.raw();
        for (int i = 0; i < candidates.size(); i++) {
            if (keywords.contains(candidates.get(i))) {
                return i;
            }
        }
        return -1;
    }

    /**
     * The words of a message, and the same words with each misspelt keyword replaced by the keyword ("atualisar"
     * becomes "atualizar"): a word that is a keyword as written stays, one of five letters or more within one
     * edit of a keyword of similar length becomes it.
     */
    private record Words(List<String> raw, List<String> canonical, String text) {

        private static boolean doubled(String word) {
            for (int i = 1; i < word.length(); i++) {
                if (word.charAt(i) == word.charAt(i - 1)) {
                    return true;
                }
            }
            return false;
        }

        static Words of(List<String> raw) {
            List<String> canonical = raw.stream().map(Words::canonical).toList();
            return new Words(raw, canonical, String.join(" ", canonical));
        }

        int size() {
            return raw.size();
        }

        private static String canonical(String word) {
            if (KEYWORDS.contains(word)) {
                return word;
            }
            // "siiim", "naoo", "obrigadooo": letters drawn out for emphasis.
            if (doubled(word)) {
                String collapsed = ELONGATION.matcher(word).replaceAll("$1");
                if (KEYWORDS.contains(collapsed)) {
                    return collapsed;
                }
            }
            if (word.length() <= 6 && word.charAt(0) == 's' && word.indexOf('i') > 0 && word.chars().allMatch(c -> c == 's' || c == 'i' || c == 'm')) {
                return "sim"; // "siim", "simm", "siimi": a yes typed in a hurry
            }
            if (word.length() < 5) {
                return word;
            }
            // One slip leaves the first letter, or the second, where it was, or moves one onto the other: only the
            // keywords that start with either letter, or have either as their second, can be one slip away.
            char first = word.charAt(0);
            char second = word.charAt(1);
            for (int length = word.length() - 1; length <= word.length() + 1; length++) {
                String best = null;
                best = nearest(word, BY_FIRST_LETTER.get(key(length, first)), best);
                best = nearest(word, BY_FIRST_LETTER.get(key(length, second)), best);
                best = nearest(word, BY_SECOND_LETTER.get(key(length, second)), best);
                best = nearest(word, BY_SECOND_LETTER.get(key(length, first)), best);
                if (best != null) {
                    return best; // the first in alphabetical order of the shortest, as a scan of them all would give
                }
            }
            return word;
        }

        private static String nearest(String word, List<String> keywords, String best) {
            if (keywords == null) {
                return best;
            }
            for (String keyword : keywords) {
                if ((best == null || keyword.compareTo(best) < 0) && EditDistance.within(word, keyword, 1)) {
                    best = keyword;
                }
            }
            return best;
        }
    }

    static String fold(String text) {
        String lower = text.toLowerCase(Locale.ROOT).replace("e-mail", "email");
        if (lower.indexOf('\'') >= 0 || lower.indexOf('’') >= 0) {
            lower = APOSTROPHE.matcher(lower).replaceAll("");
        }
        if (ascii(lower)) {
            return lower; // no emoji, no accent: nothing more to fold
        }
        for (var emoji : EMOJIS.entrySet()) {
            lower = lower.replace(emoji.getKey(), emoji.getValue());
        }
        return MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
    }

    private static boolean ascii(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private static final Pattern APOSTROPHE = Pattern.compile("['’]");
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NON_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

    /** Politeness around a request ("desde já agradeço", "thank you for your help"), dropped when there is more. */
    private static final Pattern COURTESY = Pattern.compile(
            "\\b(?:thank you for your help|thanks for your help|thank you in advance|thanks in advance|i would appreciate it|desde ja agradeco|agradeco a atencao|obrigad[oa] pela ajuda|por gentileza|fico no aguardo|hope you are doing well)\\b");

    private static List<String> words(String folded) {
        String polite = COURTESY.matcher(folded).replaceAll(" ");
        if (!polite.isBlank() && !polite.equals(folded)) {
            folded = polite;
        }
        List<String> words = new ArrayList<>(Arrays.stream(NON_WORD.split(folded)).filter(word -> !word.isEmpty())
                .map(word -> ABBREVIATIONS.getOrDefault(word, word)).toList());
        // Fillers of speech around what is said ("então, bom dia né", "uh yes you know"): dropped at the edges.
        while (words.size() > 1 && LEADING_FILLERS.contains(words.getFirst())
                && !(words.getFirst().equals("so") && words.get(1).equals("isso"))) {
            words.removeFirst();
        }
        while (words.size() > 1 && TRAILING_FILLERS.contains(words.getLast())) {
            words.removeLast();
        }
        if (words.size() > 2 && words.getLast().equals("know") && words.get(words.size() - 2).equals("you")) {
            words.removeLast();
            words.removeLast();
        }
        return words;
    }

    private static final Set<String> POLITE = Set.of("please", "por", "favor", "pls", "plz", "pfv");
    private static final Set<String> LEADING_FILLERS = Set.of("tipo", "entao", "uh", "um", "hmm", "ahn", "so", "well",
            "like", "olha");
    private static final Set<String> TRAILING_FILLERS = Set.of("ne", "tipo");
}
