#!/usr/bin/env node
// Deterministic generator of the intent / value-extraction corpus for the registration bot.
//
//   node eval/corpus/generate.mjs            rewrites eval/corpus/train.jsonl and eval/corpus/dev.jsonl
//   node eval/corpus/generate.mjs --stdout   prints the counts only, writes nothing
//
// Utterances = hand-written lines (arrays below) + templates × slot values × style transforms,
// drawn with a seeded PRNG (mulberry32) so that every run produces byte-identical files.
// Everything here was written for this project; no external data set is used.

import { writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const SEED = 20240517;
const TRAIN_SHARE = 0.6;

// ---------------------------------------------------------------- PRNG
function mulberry32(a) {
  return function () {
    a |= 0; a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
let rnd = mulberry32(SEED);
const ri = (n) => Math.floor(rnd() * n);
const pick = (arr) => arr[ri(arr.length)];
const chance = (p) => rnd() < p;
const digits = (n) => Array.from({ length: n }, () => ri(10)).join('');
const pad2 = (n) => String(n).padStart(2, '0');
function shuffle(arr) {
  for (let i = arr.length - 1; i > 0; i--) { const j = ri(i + 1); [arr[i], arr[j]] = [arr[j], arr[i]]; }
  return arr;
}

// ---------------------------------------------------------------- slot values
const FIRST_PT_M = ['João', 'José', 'Francisco', 'Antônio', 'Carlos', 'Paulo', 'Pedro', 'Lucas', 'Luiz', 'Marcos',
  'Luís', 'Gabriel', 'Rafael', 'Daniel', 'Marcelo', 'Bruno', 'Eduardo', 'Felipe', 'Sebastião', 'Thiago', 'Rodrigo', 'Gustavo', 'Caio'];
const FIRST_PT = ['Maria', 'Ana', 'João', 'José', 'Francisco', 'Antônio', 'Carlos', 'Paulo', 'Pedro', 'Lucas',
  'Luiz', 'Marcos', 'Luís', 'Gabriel', 'Rafael', 'Daniel', 'Marcelo', 'Bruno', 'Eduardo', 'Felipe',
  'Juliana', 'Márcia', 'Fernanda', 'Patrícia', 'Aline', 'Camila', 'Letícia', 'Beatriz', 'Larissa', 'Vitória',
  'Sebastião', 'Raimunda', 'Conceição', 'Thiago', 'Rodrigo', 'Gustavo', 'Débora', 'Cíntia', 'Iara', 'Caio'];
const LAST_PT = ['Silva', 'Santos', 'Oliveira', 'Souza', 'Rodrigues', 'Ferreira', 'Alves', 'Pereira', 'Lima', 'Gomes',
  'Costa', 'Ribeiro', 'Martins', 'Carvalho', 'Almeida', 'Lopes', 'Soares', 'Fernandes', 'Vieira', 'Barbosa',
  'Rocha', 'Dias', 'Nascimento', 'Andrade', 'Moreira', 'Nunes', 'Marques', 'Machado', 'Mendes', 'Freitas',
  'Araújo', 'Conceição', 'Gonçalves', 'Brandão', 'Magalhães'];
const CONNECT_PT = ['da', 'de', 'dos', 'das'];
const FIRST_EN = ['John', 'Mary', 'James', 'Patricia', 'Robert', 'Jennifer', 'Michael', 'Linda', 'David', 'Sarah',
  'Emily', 'Daniel', 'Olivia', 'Liam', 'Emma', 'Noah', 'Chloe', 'Ethan', 'Grace', 'Kevin'];
const LAST_EN = ['Smith', 'Johnson', 'Williams', 'Brown', 'Jones', 'Miller', 'Davis', 'Wilson', 'Taylor', 'Clark',
  'Walker', 'Young', "O'Brien", 'Carter', 'Murphy'];

function namePt() {
  const parts = [pick(FIRST_PT)];
  if (chance(0.25)) {
    const same = FIRST_PT.filter((n) => n !== parts[0] && FIRST_PT_M.includes(n) === FIRST_PT_M.includes(parts[0]));
    parts.push(pick(same));
  }
  const k = 1 + ri(2);
  for (let i = 0; i < k; i++) {
    if (chance(0.3)) parts.push(pick(CONNECT_PT));
    parts.push(pick(LAST_PT));
  }
  return parts.join(' ');
}
function nameEn() {
  if (chance(0.3)) return namePt();
  const parts = [pick(FIRST_EN)];
  if (chance(0.2)) parts.push(String.fromCharCode(65 + ri(26)) + '.');
  parts.push(pick(LAST_EN));
  return parts.join(' ');
}
const fold = (s) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
const DOMAINS = ['gmail.com', 'hotmail.com', 'outlook.com', 'yahoo.com.br', 'uol.com.br', 'bol.com.br',
  'icloud.com', 'terra.com.br', 'empresa.com.br', 'proton.me', 'live.com', 'globo.com'];
function email(lang) {
  const n = (lang === 'pt' ? namePt() : nameEn()).split(' ').filter((w) => !CONNECT_PT.includes(w));
  const a = fold(n[0]).toLowerCase().replace(/[^a-z]/g, '');
  const b = fold(n[n.length - 1]).toLowerCase().replace(/[^a-z]/g, '');
  const user = pick([
    () => `${a}.${b}`, () => `${a}${b}`, () => `${a}_${b}${ri(100)}`, () => `${a}${1960 + ri(45)}`,
    () => `${a[0]}${b}`, () => `${a}.${b[0]}${ri(10)}`, () => `${b}.${a}`, () => `${a}-${b}`,
  ])();
  return `${user}@${pick(DOMAINS)}`;
}
function cep() {
  const d = digits(8);
  return chance(0.7) ? `${d.slice(0, 5)}-${d.slice(5)}` : d;
}
export function cpfIsValid(s) {
  const d = s.replace(/\D/g, '');
  if (d.length !== 11 || /^(\d)\1{10}$/.test(d)) return false;
  const calc = (len) => {
    let sum = 0;
    for (let i = 0; i < len; i++) sum += Number(d[i]) * (len + 1 - i);
    const r = (sum * 10) % 11;
    return r === 10 ? 0 : r;
  };
  return calc(9) === Number(d[9]) && calc(10) === Number(d[10]);
}
function cpfDigits() {
  let base;
  do { base = digits(9); } while (/^(\d)\1{8}$/.test(base));
  const d = base.split('').map(Number);
  const dv = (arr) => {
    let sum = 0;
    for (let i = 0; i < arr.length; i++) sum += arr[i] * (arr.length + 1 - i);
    const r = (sum * 10) % 11;
    return r === 10 ? 0 : r;
  };
  d.push(dv(d)); d.push(dv(d));
  return d.join('');
}
function cpf() {
  const d = cpfDigits();
  if (!cpfIsValid(d)) throw new Error('cpf generator broken');
  return chance(0.65) ? `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}` : d;
}
function invalidCpf() {
  for (;;) {
    const d = digits(11);
    if (cpfIsValid(d)) continue;
    return chance(0.5) ? `${d.slice(0, 3)}.${d.slice(3, 6)}.${d.slice(6, 9)}-${d.slice(9)}` : d;
  }
}
function birthDate() {
  const y = 1940 + ri(67), m = 1 + ri(12), day = 1 + ri(28);
  const f = ri(10);
  if (f < 5) return `${pad2(day)}/${pad2(m)}/${y}`;
  if (f < 7) return `${day}/${m}/${y}`;
  return `${y}-${pad2(m)}-${pad2(day)}`;
}
const DDD = ['11', '12', '13', '15', '19', '21', '22', '24', '27', '31', '32', '34', '41', '43', '47', '48', '51',
  '54', '61', '62', '65', '67', '71', '73', '79', '81', '83', '84', '85', '86', '91', '92', '95', '98'];
function phone() {
  for (;;) {
    const ddd = pick(DDD);
    const mobile = chance(0.85);
    const a = mobile ? '9' + digits(4) : String(2 + ri(4)) + digits(3);
    const b = digits(4);
    const f = ri(10);
    let s;
    if (f < 3) s = `(${ddd}) ${a}-${b}`;
    else if (f < 5) s = `${ddd} ${a}-${b}`;
    else if (f < 7) s = `${ddd}${a}${b}`;
    else if (f < 8) s = `+55 ${ddd} ${a}-${b}`;
    else if (f < 9) s = `+55${ddd}${a}${b}`;
    else s = `${a}-${b}`;
    // an 11-digit phone must never be a valid CPF: those stay "invalid 11-digit numbers"
    if (cpfIsValid(s)) continue;
    return s;
  }
}
const STREETS = ['Rua das Flores', 'Avenida Paulista', 'Av. Brasil', 'Rua Sete de Setembro', 'Rua Augusta',
  'Alameda Santos', 'Travessa São José', 'Rua XV de Novembro', 'Avenida Afonso Pena', 'Rua da Consolação',
  'Rua Barão de Itapetininga', 'Av. Atlântica', 'Rua Tiradentes', 'Rua Dom Pedro II', 'Estrada do Campo Limpo',
  'Rua dos Andradas', 'Avenida Getúlio Vargas', 'Rua Marechal Deodoro', 'Rua Padre Anchieta', 'Praça da Sé'];
const NUMBERS = () => pick([String(1 + ri(3000)), String(1 + ri(300)), `${1 + ri(900)}${pick(['A', 'B'])}`, 's/n', String(1000 + ri(9000))]);
const COMPLEMENTS = ['apto 42', 'apartamento 101', 'bloco B, apto 12', 'casa 2', 'fundos', 'sala 305', 'ap 1203',
  'apto 7 bloco C', 'casa dos fundos', 'loja 3', 'cobertura', 'conjunto 14', 'torre 2 apto 88', 'kitnet 5'];
const DISTRICTS = ['Centro', 'Bela Vista', 'Copacabana', 'Savassi', 'Boa Viagem', 'Moinhos de Vento', 'Pinheiros',
  'Jardim América', 'Vila Mariana', 'Tijuca', 'Batel', 'Barra', 'Aldeota', 'Pituba', 'Campo Grande', 'Santa Efigênia'];
const CITIES = ['São Paulo', 'Rio de Janeiro', 'Belo Horizonte', 'Curitiba', 'Porto Alegre', 'Recife', 'Salvador',
  'Fortaleza', 'Campinas', 'Florianópolis', 'Manaus', 'Goiânia', 'Belém', 'Niterói', 'São Luís', 'Ribeirão Preto',
  'Juiz de Fora', 'Londrina', 'Natal', 'Maceió'];
const STATES = ['SP', 'RJ', 'MG', 'PR', 'RS', 'PE', 'BA', 'CE', 'SC', 'AM', 'GO', 'PA', 'São Paulo', 'Minas Gerais',
  'Paraná', 'Bahia', 'Rio Grande do Sul', 'Pernambuco', 'Santa Catarina', 'Ceará'];

const SLOT = {
  name: (lang) => (lang === 'pt' ? namePt() : nameEn()),
  email: (lang) => email(lang),
  phone: () => phone(),
  postalCode: () => cep(),
  cpf: () => cpf(),
  birthDate: () => birthDate(),
  street: () => pick(STREETS),
  number: () => NUMBERS(),
  complement: () => pick(COMPLEMENTS),
  district: () => pick(DISTRICTS),
  city: () => pick(CITIES),
  state: () => pick(STATES),
};
const FIELDS = Object.keys(SLOT);
const FREE_TEXT = new Set(['name', 'street', 'number', 'complement', 'district', 'city', 'state']);

// how people refer to each field
const FIELD_WORD = {
  pt: {
    name: ['nome', 'nome completo'], email: ['e-mail', 'email', 'endereço de e-mail'],
    phone: ['telefone', 'celular', 'número de telefone', 'whatsapp', 'número do celular'],
    postalCode: ['CEP', 'cep'], cpf: ['CPF', 'cpf'], birthDate: ['data de nascimento', 'aniversário'],
    street: ['rua', 'endereço'], number: ['número da casa'], complement: ['complemento'],
    district: ['bairro'], city: ['cidade'], state: ['estado'],
  },
  en: {
    name: ['name', 'full name'], email: ['email', 'e-mail', 'email address'],
    phone: ['phone number', 'phone', 'mobile number', 'cell number', 'WhatsApp number'],
    postalCode: ['zip code', 'postal code', 'CEP'], cpf: ['CPF', 'CPF number'], birthDate: ['date of birth', 'birthday', 'birth date'],
    street: ['street', 'address'], number: ['house number'], complement: ['apartment number', 'address line 2'],
    district: ['neighborhood', 'district'], city: ['city'], state: ['state'],
  },
};

// ---------------------------------------------------------------- template expansion
// "[a|b|]" chooses one alternative (empty = optional), "{field}" is a value slot,
// "<fw:field>" is a word for a field ("<fw:*>" any field).
function expand(template, lang) {
  // resolve "[a|b]" choices innermost first, so they may nest
  const inner = /\[([^\[\]]*)\]/;
  while (inner.test(template)) template = template.replace(inner, (m, alts) => pick(alts.split("|")));
  const segs = []; // {lit} or {field, value}
  const re = /\[([^\]]*)\]|\{(\w+)\}|<fw:(\w+|\*)>/g;
  let last = 0, m;
  while ((m = re.exec(template))) {
    if (m.index > last) segs.push({ lit: template.slice(last, m.index) });
    if (m[1] !== undefined) segs.push({ lit: pick(m[1].split('|')) });
    else if (m[2] !== undefined) segs.push({ field: m[2], value: SLOT[m[2]](lang) });
    else {
      const f = m[3] === '*' ? pick(FIELDS) : m[3];
      segs.push({ lit: pick(FIELD_WORD[lang][f]), fw: f });
    }
    last = re.lastIndex;
  }
  if (last < template.length) segs.push({ lit: template.slice(last) });
  return segs;
}

// ---------------------------------------------------------------- styles
const SLANG_PT = [
  [/\bvocês\b/gi, 'vcs'], [/\bvocê\b/gi, 'vc'], [/\bque\b/gi, 'q'], [/\btambém\b/gi, 'tb'],
  [/\bpor favor\b/gi, 'pfv'], [/\bbeleza\b/gi, 'blz'], [/\bobrigad[oa]\b/gi, 'obg'], [/\bporque\b/gi, 'pq'],
  [/\bpara a\b/gi, 'pra'], [/\bpara o\b/gi, 'pro'], [/\bpara\b/gi, 'pra'], [/\bestá\b/gi, 'tá'], [/\bestou\b/gi, 'tô'], [/\bmesmo\b/gi, 'msm'], [/\bhoje\b/gi, 'hj'],
  [/\btudo\b/gi, 'td'], [/\bmensagem\b/gi, 'msg'], [/\bnão\b/gi, 'n'], [/\bquero\b/gi, 'qro'], [/\baqui\b/gi, 'aki'],
  [/\bcadastro\b/gi, 'cad'], [/\bbom dia\b/gi, 'bdia'], [/\bvaleu\b/gi, 'vlw'], [/\bfalou\b/gi, 'flw'],
];
const SLANG_EN = [
  [/\byou\b/gi, 'u'], [/\byour\b/gi, 'ur'], [/\bplease\b/gi, 'pls'], [/\bthanks\b/gi, 'thx'], [/\bwant to\b/gi, 'wanna'],
  [/\bgoing to\b/gi, 'gonna'], [/\bokay\b/gi, 'ok'], [/\bright now\b/gi, 'rn'], [/\bare\b/gi, 'r'], [/\bbecause\b/gi, 'cuz'],
  [/\bI don't know\b/gi, 'idk'], [/\bto be honest\b/gi, 'tbh'],
];
const TYPO_PT = [
  [/\be-?mail\b/gi, ['emial', 'emal', 'imeil', 'e-mial']], [/\bendereço\b/gi, ['endereco', 'enderesso', 'endreço']],
  [/\batualizar\b/gi, ['atualisar', 'atulizar', 'atualiza']], [/\bcadastro\b/gi, ['cadstro', 'cadasto', 'cadastor']],
  [/\btelefone\b/gi, ['telefoni', 'telfone']], [/\bnúmero\b/gi, ['numero', 'nunero']], [/\bnascimento\b/gi, ['nacimento', 'nascimeto']],
  [/\bquero\b/gi, ['qero', 'queor']], [/\bdados\b/gi, ['dadso', 'dado']], [/\bcancelar\b/gi, ['cancela', 'cancelra']],
  [/\bmudar\b/gi, ['muda', 'mudra']], [/\balterar\b/gi, ['alteara', 'auterar']], [/\bcelular\b/gi, ['celualr', 'celuar']],
  [/\bobrigad([oa])\b/gi, ['obrigafo', 'brigado']], [/\batendente\b/gi, ['atendete', 'atendenti']], [/\bapagar\b/gi, ['apaga', 'apgar']],
];
const TYPO_EN = [
  [/\bemail\b/gi, ['emial', 'emal']], [/\baddress\b/gi, ['adress', 'addres']], [/\bupdate\b/gi, ['updte', 'upadte']],
  [/\bchange\b/gi, ['chnage', 'chang']], [/\bregister\b/gi, ['registr', 'regster']], [/\baccount\b/gi, ['acount', 'accout']],
  [/\bnumber\b/gi, ['numbr', 'nubmer']], [/\bplease\b/gi, ['pleae', 'plese']], [/\bwant\b/gi, ['wnat', 'wamt']],
  [/\bbirthday\b/gi, ['brithday', 'birthdya']], [/\bphone\b/gi, ['phnoe', 'fone']], [/\bthanks\b/gi, ['thansk', 'tanks']],
  [/\bdelete\b/gi, ['delet', 'dleete']], [/\bhuman\b/gi, ['humna', 'humam']],
];
const FILLER_PT = ['então', 'tipo', 'é', 'ahn', 'olha', 'assim', 'hum', 'bom'];
const TAIL_PT = ['né', 'tá', 'aí', 'ok'];
const FILLER_EN = ['so', 'uh', 'um', 'well', 'like', 'okay so', 'yeah so'];
const TAIL_EN = ['you know', 'I guess', 'yeah', 'thanks'];
const POLITE = {
  pt: {
    pre: ['Olá, boa tarde. ', 'Bom dia! ', 'Com licença, ', 'Olá, tudo bem? ', 'Prezados, ', 'Boa noite, ', 'Oi, tudo bom? '],
    post: [' Desde já agradeço.', ' Por gentileza.', ' Agradeço a atenção.', ' Fico no aguardo.', ' Obrigada!', ' Muito obrigado.'],
  },
  en: {
    pre: ['Hello, ', 'Hi there, hope you are doing well. ', 'Good afternoon. ', 'Excuse me, ', 'Good morning! ', 'Hi, '],
    post: [' Thanks in advance.', ' Thank you for your help.', ' I would appreciate it.', ' Many thanks.', ' Cheers.'],
  },
};
const EMOJI = {
  greet: ['👋', '😊', '🙂', '😃'], register: ['📝', '🙂', '😊'], update: ['✏️', '📝', '🙏', '😅'],
  show_my_data: ['👀', '🤔', '📄'], provide_value: ['🙂', '😉', '📩', '👇'], affirm: ['👍', '✅', '👌', '😊'],
  deny: ['👎', '❌', '🙅', '🙅‍♀️'], correct: ['😅', '🤦', '🤦‍♂️', '🙈'], cancel: ['❌', '🛑', '😤', '✋'],
  back: ['⬅️', '🔙', '↩️'], help: ['🤔', '😕', '🆘', '❓'], human: ['🙋', '🙋‍♂️', '😠', '🙏'],
  delete_my_data: ['🗑️', '😠', '🔒'], thanks: ['🙏', '😊', '❤️', '💙', '🥰'], goodbye: ['👋', '😘', '✌️'],
  out_of_scope: ['😂', '🤔', '☀️', '🌧️', '🍕', '⚽'], keep: ['👌', '🙂', '✔️'],
};
const LONG_INTENTS = new Set(['register', 'update', 'show_my_data', 'delete_my_data', 'help', 'human', 'out_of_scope', 'provide_value', 'correct']);

function typoWord(s) {
  // swap two adjacent letters of one longer word
  const words = s.split(/(\s+)/);
  const idx = words.map((w, i) => (/^[a-zà-ú]{5,}$/i.test(w) ? i : -1)).filter((i) => i >= 0);
  if (!idx.length) return s;
  const i = pick(idx), w = words[i], p = 1 + ri(w.length - 2);
  const out = w.slice(0, p) + w[p + 1] + w[p] + w.slice(p + 2);
  if (/^(slave|sexo)$/i.test(out)) return s; // no unfortunate words
  words[i] = out;
  return words.join('');
}

const STYLES = ['plain', 'plain', 'formal', 'slang', 'noaccent', 'typo', 'emoji', 'caps', 'voice', 'polite'];

// segs -> {text, values}
function render(segs, lang, intent, style) {
  segs = segs.map((s) => ({ ...s }));
  const lits = segs.filter((s) => s.lit !== undefined);
  const allLits = (f) => lits.forEach((s) => { s.lit = f(s.lit); });
  switch (style) {
    case 'slang':
      allLits((t) => (lang === 'pt' ? SLANG_PT : SLANG_EN).reduce((acc, [re, r]) => acc.replace(re, r), t));
      if (lang === 'pt') allLits((t) => t.replace(/[áàâãéêíóôõúç]/gi, (c) => (chance(0.5) ? fold(c) : c)));
      allLits((t) => t.replace(/[.!]+\s*$/, ''));
      break;
    case 'formal': {
      const table = lang === 'pt'
        ? [[/\bquero (?=me\b|[a-zç]+[aei]r\b)/gi, 'gostaria de '], [/\bqueria\b/gi, 'gostaria de'], [/\btá\b/gi, 'está'], [/\bpra\b/gi, 'para'],
          [/\bdá pra\b/gi, 'seria possível'], [/\bvcs?\b/gi, (m) => (m.length === 3 ? 'vocês' : 'você')], [/\bmeu\b/i, 'o meu']]
        : [[/\bI want to\b/g, 'I would like to'], [/\bI wanna\b/g, 'I would like to'], [/\bcan I\b/gi, 'may I'], [/\bI'd\b/g, 'I would'],
          [/\bI'm\b/g, 'I am'], [/\bwhat's\b/gi, 'what is']];
      allLits((t) => table.reduce((acc, [re, r]) => acc.replace(re, r), t));
      if (segs[0].lit !== undefined) segs[0].lit = segs[0].lit.replace(/^\s*([a-zà-ú])/, (m, c) => c.toUpperCase());
      const lastSeg = segs[segs.length - 1];
      if (lastSeg.lit !== undefined && !/[.?!]\s*$/.test(lastSeg.lit)) lastSeg.lit += '.';
      else if (lastSeg.lit === undefined) segs.push({ lit: '.' });
      break;
    }
    case 'noaccent':
      allLits(fold);
      segs.forEach((s) => { if (s.field && FREE_TEXT.has(s.field)) s.value = fold(s.value); });
      break;
    case 'typo': {
      let hit = false;
      const table = lang === 'pt' ? TYPO_PT : TYPO_EN;
      allLits((t) => table.reduce((acc, [re, alts]) => acc.replace(re, () => { hit = true; return pick(alts); }), t));
      if (!hit) {
        const cands = lits.filter((s) => /[a-zà-ú]{5,}/i.test(s.lit));
        if (cands.length) { const s = pick(cands); s.lit = typoWord(s.lit); }
      }
      break;
    }
    case 'caps':
      allLits((t) => t.toUpperCase());
      segs.forEach((s) => { if (s.field && FREE_TEXT.has(s.field)) s.value = s.value.toUpperCase(); });
      break;
    case 'voice': {
      allLits((t) => t.toLowerCase().replace(/[.,!?;:]+/g, ' '));
      const F = lang === 'pt' ? FILLER_PT : FILLER_EN, T = lang === 'pt' ? TAIL_PT : TAIL_EN;
      if (chance(0.7)) segs.unshift({ lit: pick(F) + ' ' });
      if (chance(0.4)) segs.push({ lit: ' ' + pick(T) });
      break;
    }
    default: break;
  }
  let text = segs.map((s) => (s.lit !== undefined ? s.lit : s.value)).join('');
  if (style === 'emoji') {
    const e = pick(EMOJI[intent]);
    text = chance(0.7) ? `${text.trim()} ${e}${chance(0.3) ? e : ''}` : `${e} ${text.trim()}`;
  }
  if (style === 'polite' && LONG_INTENTS.has(intent)) {
    const P = POLITE[lang];
    let core = text.trim();
    const mode = ri(3); // 0 prefix, 1 suffix, 2 both
    const pre = mode === 1 ? '' : pick(P.pre);
    const capital = pre === '' || /[.!?]\s*$/.test(pre);
    const firstIsValue = segs.length && segs[0].field !== undefined && text.startsWith(segs[0].value);
    if (capital && !firstIsValue && /^[a-zà-ú]/.test(core)) core = core[0].toUpperCase() + core.slice(1);
    if (!capital && /^[A-ZÀ-Ú][a-zà-ú]/.test(core) && !firstIsValue && !/^I\b/.test(core)) core = core[0].toLowerCase() + core.slice(1);
    if (!/[.?!]$/.test(core)) core += '.';
    text = pre + core + (mode === 0 ? '' : pick(P.post));
  }
  text = text.replace(/\s+/g, ' ').replace(/\s+([,.!?])/g, '$1').trim();
  const values = {};
  for (const s of segs) if (s.field) values[s.field] = s.value;
  return { text, values };
}

// ---------------------------------------------------------------- templates per intent
// Each entry: T(lang, intent, templates, opts). opts.asked: field or function returning a field;
// opts.styles: allowed styles. opts.weight: relative draw weight.
const ALL_STYLES = STYLES;
const SHORT_STYLES = ['plain', 'plain', 'slang', 'noaccent', 'typo', 'emoji', 'emoji', 'caps'];

const G = { pt: {}, en: {} }; // lang -> intent -> [generator]
function T(lang, intent, templates, opts = {}) {
  (G[lang][intent] ||= []).push({ templates, opts });
}

// ---------- greet
T('pt', 'greet', ['[oi|oii|oiii|olá|ola|opa|e aí|eae|salve|oi oi|alô|hey][|!|!!| tudo bem?| tudo bom?| td bem?| boa tarde| bom dia| boa noite| pessoal]',
  '[bom dia|boa tarde|boa noite][|!| tudo bem?| pessoal| a todos|, tudo certo?]', '[olá|oi], alguém [aí|on]?',
  'oi, [boa tarde|bom dia], como [vai|vão as coisas]?'], { styles: SHORT_STYLES });
T('en', 'greet', ['[hi|hello|hey|hiya|yo|howdy|hey there|hi there|hello there][|!| :)|, how are you?|, how is it going?| everyone| good morning]',
  '[good morning|good afternoon|good evening][|!|, how are you?| there]', "[hey|hi], anyone [there|around]?", "what's up"], { styles: SHORT_STYLES });

// ---------- register
T('pt', 'register', ['[quero|queria|gostaria de|preciso] [me cadastrar|fazer [o meu|meu|um] cadastro|criar [uma|minha] conta|me registrar|me inscrever][| aqui| no sistema| com vocês| agora][|!| por favor|, como faço?]',
  '[sou novo aqui|sou nova aqui|é minha primeira vez aqui|ainda não tenho cadastro][,|.|] [quero|gostaria de|como faço pra] [me cadastrar|fazer meu cadastro|me registrar]',
  '[cadastro|novo cadastro|fazer cadastro|cadastrar][| por favor|!]', 'como [faço|eu faço] [pra|para] me cadastrar?',
  'dá pra [fazer meu cadastro|me cadastrar] por aqui?', '[me cadastra|me cadastre|faz meu cadastro] aí[| por favor]',
  'quero abrir um cadastro [novo|pra mim|no meu nome]', 'ainda não sou cadastrado, [quero|posso] me cadastrar?'], {});
T('en', 'register', ["[I want to|I'd like to|I need to|I wanna] [sign up|register|create an account|open an account|make an account|join][| here| now| with you][|.|!| please]",
  "can I [sign up|register|create an account|open an account|join][| here| now| with you][| please]?",
  "[I'm new here|first time here|I don't have an account yet][,|.] [how do I sign up?|I want to register|can you sign me up?]",
  '[sign up|sign me up|register me|new account|registration][| please|!]', 'how do I [register|sign up|create an account]?',
  'is it possible to register [here|through WhatsApp|via chat]?', "I'd like to become a [member|customer], please register me"], {});

// ---------- update
T('pt', 'update', ['[quero|queria|gostaria de|preciso|vou] [mudar|trocar|alterar|atualizar|editar] [o meu|meu|o] <fw:*>[| cadastrado| aqui| no cadastro][|!|.| por favor| pfv]',
  '[atualizar|alterar|mudar|editar] [meu|o] <fw:*>', '[quero|preciso|gostaria de] atualizar [meu cadastro|meus dados|minhas informações|o cadastro|meus dados cadastrais]',
  '[mudei de casa|mudei de endereço|me mudei|troquei de número|troquei de e-mail|mudei de telefone|casei e mudei de nome][|,] [preciso|quero|tenho que] [atualizar|mudar] [isso|o cadastro|meus dados]',
  '[meu|o meu] <fw:*> mudou[|, como atualizo?|, quero atualizar]', 'dá pra [mudar|trocar|alterar] [meu|o] <fw:*>?',
  'como [faço pra|eu faço para] [trocar|mudar|atualizar] [meu|o] <fw:*>?', '[meu cadastro|meu endereço|meu telefone] tá desatualizado, quero [atualizar|arrumar isso]',
  'quero [mudar|trocar|atualizar] [meu e-mail|meu email|o email] [para|pra] {email}', '[atualiza|muda|troca] meu [cep|CEP] [para|pra] {postalCode}',
  '[troca|muda|atualiza] meu [telefone|celular|número] [para|pra] {phone}', 'quero mudar meu endereço, [agora|o novo] cep é {postalCode}',
  'mudei pra {city}, preciso atualizar o endereço', 'alterar endereço', 'atualizar cadastro'], {});
T('en', 'update', ["[I want to|I'd like to|I need to|I wanna|can I|please] [change|update|edit|modify|fix] my <fw:*>[| on file| in your system| please][|.|!|?]",
  '[update|change|edit] [my|the] <fw:*>', "[I need to|I'd like to|I want to] update my [details|info|information|account|profile|registration]",
  "[I moved|I've moved|I got a new phone number|I changed my email|I got married and changed my name][,|.|] [need to|I need to|how do I] update [it|my details|my account]?",
  'my <fw:*> [has changed|changed|is out of date|is outdated]', 'how [do I|can I] [change|update] my <fw:*>?',
  'change my email to {email}', 'update my [zip code|CEP] to {postalCode}', 'please change my phone number to {phone}',
  'I moved to {city}, need to update my address', 'update my info'], {});

// ---------- show_my_data
T('pt', 'show_my_data', ['[quero|queria|gostaria de|posso|dá pra] [ver|consultar|conferir|visualizar] [meus dados|meu cadastro|minhas informações|os dados que vocês têm de mim][|?|!| por favor]',
  '[ver|mostrar|mostra|consultar] [meus dados|meu cadastro|minhas informações]', '[quais|que] dados [vocês têm|tem] [de mim|sobre mim|no meu cadastro]?',
  '[qual|que] <fw:*> [está|tá] [cadastrado|no meu cadastro|registrado]?', 'me [mostra|manda|envia] [o que vocês têm cadastrado|meus dados|meu cadastro]',
  'o que [tem|consta] no meu cadastro?', 'quero saber [quais são meus dados|o que vocês sabem de mim|qual endereço está cadastrado]',
  'como [está|tá] meu cadastro?', 'meus dados'], {});
T('en', 'show_my_data', ["[I want to|I'd like to|can I|let me] [see|check|view|review] my [data|details|information|profile|account info][|?|.| please]",
  '[show|display] [me|] my [data|details|info|profile]', 'what [data|information|info] do you have [on me|about me|stored]?',
  "what's my [registered|current] <fw:*>?", 'which <fw:*> do you have on file?', 'what does my profile say?', 'my data', 'show my info please'], {});

// ---------- provide_value (free text, not asked)
const PV_PT = [
  'meu [e-mail|email] [é|eh|:] {email}', '[pode anotar|anota aí|segue], meu email: {email}', '{email} [é o meu email|é meu e-mail]', 'o email é {email}',
  'meu [cep|CEP] [é|:|eh] {postalCode}', 'cep {postalCode}', 'CEP: {postalCode}', 'o cep daqui de casa é {postalCode}',
  'meu [cpf|CPF] [é|:|eh] {cpf}', '[cpf|CPF] {cpf}', 'segue o CPF: {cpf}', 'o número do meu cpf é {cpf}',
  'nasci [em|no dia] {birthDate}', 'minha data de nascimento [é|:] {birthDate}', 'data de nascimento: {birthDate}', 'meu aniversário é {birthDate}',
  'meu [telefone|celular|whats|número|zap] [é|:|eh] {phone}', 'pode me ligar no {phone}', 'telefone pra contato: {phone}', 'me chama no {phone}',
  'meu nome é {name}', 'me chamo {name}', 'nome: {name}', 'meu nome completo é {name}',
  'moro na {street}, {number}', 'meu endereço é {street}, {number}', 'endereço: {street}, {number} - {district}', 'moro na {street} número {number}, {complement}',
  'moro em {city}', 'sou de {city} - {state}', 'moro no bairro {district}, em {city}', 'complemento: {complement}',
  'meu email é {email} e meu cep {postalCode}', 'nome: {name}, email: {email}', 'meu nome é {name} e meu cpf é {cpf}',
  'me chamo {name}, nasci em {birthDate}', 'cpf {cpf} e data de nascimento {birthDate}', 'meu cep é {postalCode}, número {number}',
  'meu celular é {phone} e o email {email}', 'nome {name} cpf {cpf} email {email}', 'então meu nome é {name} meu email é {email} e o cep é {postalCode}',
  'segue meus dados: {name}, {cpf}, {birthDate}', 'meu email novo é {email}', 'anota aí o telefone {phone} e o cep {postalCode}',
];
const PV_EN = [
  'my [email|e-mail|email address] is {email}', 'email: {email}', "here's my email: {email}", '{email} is my email', 'you can email me at {email}',
  'my [zip code|postal code|CEP] is {postalCode}', 'zip {postalCode}', 'CEP: {postalCode}',
  'my CPF is {cpf}', 'CPF: {cpf}', 'my CPF number is {cpf}',
  'I was born on {birthDate}', 'my [date of birth|birthday|birth date] is {birthDate}', 'DOB: {birthDate}', 'date of birth {birthDate}',
  'my [phone number|phone|cell|mobile|number] is {phone}', 'you can reach me at {phone}', 'call me at {phone}', 'phone: {phone}',
  'my name is {name}', "I'm {name}", 'name: {name}', 'my full name is {name}',
  'I live at {street}, {number}', 'my address is {street}, {number}', 'address: {street}, {number}, {district}', 'I live in {city}',
  "I'm from {city}, {state}", 'my neighborhood is {district}', 'my apartment is {complement}',
  'my email is {email} and my zip code is {postalCode}', 'name: {name}, email: {email}', 'my name is {name} and my CPF is {cpf}',
  "I'm {name}, born {birthDate}", 'CPF {cpf}, date of birth {birthDate}', 'my phone is {phone} and my email is {email}',
  'so my name is {name} my email is {email} and zip code {postalCode}', 'here are my details: {name}, {cpf}, {birthDate}', 'my new email is {email}',
];
T('pt', 'provide_value', PV_PT, { weight: 3 });
T('en', 'provide_value', PV_EN, { weight: 3 });
// invalid 11-digit numbers are plain numbers, never a CPF
T('pt', 'provide_value', ['meu cpf é {!badcpf}', 'cpf: {!badcpf}', 'o cpf é {!badcpf}'], { weight: 0.25, styles: ['plain', 'slang', 'typo'] });
T('en', 'provide_value', ['my CPF is {!badcpf}', 'CPF: {!badcpf}'], { weight: 0.25, styles: ['plain', 'typo'] });

// ---------- provide_value (answer to an asked field)
const ASKED_PT = {
  name: ['{name}', '{name}', '{name}', 'meu nome é {name}', 'é {name}', '{name}'],
  email: ['{email}', '{email}', 'é {email}', 'meu email é {email}', 'pode ser o {email}', '{email} 👍'],
  phone: ['{phone}', '{phone}', 'é {phone}', 'meu número é {phone}', 'o celular é {phone}'],
  postalCode: ['{postalCode}', '{postalCode}', 'cep {postalCode}', 'é {postalCode}', 'o meu é {postalCode}'],
  cpf: ['{cpf}', '{cpf}', 'cpf {cpf}', 'é {cpf}', 'meu cpf é {cpf}'],
  birthDate: ['{birthDate}', '{birthDate}', 'nasci em {birthDate}', 'dia {birthDate}', 'é {birthDate}'],
  street: ['{street}'], number: ['{number}'], complement: ['{complement}'], district: ['{district}'], city: ['{city}'], state: ['{state}'],
};
const ASKED_EN = {
  name: ['{name}', '{name}', 'my name is {name}', "it's {name}", '{name}'],
  email: ['{email}', '{email}', "it's {email}", 'my email is {email}', 'sure, {email}'],
  phone: ['{phone}', '{phone}', "it's {phone}", 'my number is {phone}'],
  postalCode: ['{postalCode}', '{postalCode}', "it's {postalCode}", 'zip code {postalCode}'],
  cpf: ['{cpf}', '{cpf}', "it's {cpf}", 'my CPF is {cpf}'],
  birthDate: ['{birthDate}', '{birthDate}', 'I was born on {birthDate}', "it's {birthDate}"],
  street: ['{street}'], number: ['{number}'], complement: ['{complement}'], district: ['{district}'], city: ['{city}'], state: ['{state}'],
};
for (const [lang, table] of [['pt', ASKED_PT], ['en', ASKED_EN]]) {
  for (const [field, tpls] of Object.entries(table)) {
    const whole = FREE_TEXT.has(field);
    T(lang, 'provide_value', tpls, {
      asked: field,
      weight: field === 'name' ? 0.5 : whole ? 0.22 : 0.3,
      styles: whole ? ['plain', 'plain', 'plain', 'caps', 'noaccent'] : ['plain', 'plain', 'slang', 'emoji', 'noaccent'],
      whole: whole && tpls.every((t) => t === `{${field}}`),
    });
  }
}

// ---------- affirm
T('pt', 'affirm', ['[sim|s|isso|pode|isso mesmo|exato|exatamente|correto|certo|tá certo|ta certo|está correto|pode ser|claro|com certeza|confirmo|confirmado|aham|uhum|isso aí|positivo|sim sim|pode sim|beleza|fechado|ok|okay|perfeito|tudo certo|isso, pode confirmar|sim, está certo|sim, pode seguir|pode confirmar|confirma|é isso|é isso mesmo|sim senhor|sim senhora|tá ótimo|de acordo][|!|.|!!]',
  '👍', '👍👍', '✅', '👌', 'sim 👍', 'simmm', 'siiim'], { styles: SHORT_STYLES, asked: 0.3 });
T('en', 'affirm', ["[yes|y|yeah|yep|yup|sure|correct|that's right|that's correct|right|exactly|confirmed|I confirm|ok|okay|sounds good|absolutely|of course|definitely|affirmative|yes please|yes, that's right|yes, go ahead|go ahead|looks good|all good|perfect|that's it|yes it is|yea|indeed][|!|.]",
  '👍', '✅', 'yes 👍', 'yesss'], { styles: SHORT_STYLES, asked: 0.3 });

// ---------- deny
T('pt', 'deny', ['[não|nao|n|nn|não não|nop|negativo|de jeito nenhum|nada disso|não é isso|não está certo|não tá certo|agora não|não precisa|não, obrigado|não quero|nem pensar|claro que não|acho que não|não, não precisa|não, tá errado][|!|.]',
  'não quero [mudar|alterar|trocar] [o|meu|o meu] <fw:*>', 'não, [não quero|não precisa] [mudar|alterar] [nada|o <fw:*>]', 'não [é|foi] isso [que eu quis dizer|não]',
  '👎', '❌', 'não 👎', 'naoo', 'nãoooo'], { styles: SHORT_STYLES, asked: 0.3 });
T('en', 'deny', ["[no|n|nope|nah|no thanks|not really|negative|no way|not at all|that's not right|that's wrong|not now|no, thanks|definitely not|I don't think so|no it isn't|no, that's not it|nope, not that][|!|.]",
  "I don't want to [change|update] my <fw:*>", "no, [I don't need to|no need to] change [anything|the <fw:*>]", '👎', '❌', 'noo'], { styles: SHORT_STYLES, asked: 0.3 });

// ---------- correct
T('pt', 'correct', ['na verdade [o|meu] email é {email}', 'na verdade [o|meu] cep é {postalCode}', 'na verdade nasci em {birthDate}',
  '[ops|opa|pera|ixi], [errei|digitei errado] [o|meu] <fw:*>', 'errei o [número|telefone|email|cep|nome|cpf]', '[corrigir|correção|quero corrigir|preciso corrigir][| uma coisa| um dado| o que mandei]',
  'digitei errado [o|meu] <fw:*>[|, quero corrigir]', 'me enganei [no|com o] <fw:*>', '[o|meu] <fw:*> que [eu mandei|eu passei|eu digitei] [tá|está] errado',
  'escrevi errado, o [email|e-mail] certo é {email}', 'o cep certo é {postalCode}, [errei antes|me enganei]', 'errei, o [telefone|celular] certo é {phone}',
  'corrigindo: meu cpf é {cpf}', 'desculpa, o nome certo é {name}', 'peraí, [o número|o email|o cep] [que mandei|que eu falei] [tá|está] errado', 'a data [que mandei|que eu falei] [tá|está] errada',
  'quero corrigir [a resposta anterior|minha última resposta|o que eu digitei]', 'mandei o <fw:*> errado', 'foi mal, errei o <fw:*>'], { asked: 0.25 });
T('en', 'correct', ['actually my email is {email}', 'actually, the zip code is {postalCode}', 'actually I was born on {birthDate}',
  '[oops|sorry|wait], I typed [the wrong|my] <fw:*>[| wrong]', 'I made a [mistake|typo] in [my|the] <fw:*>', 'correction: [my|the] email is {email}',
  '[I need to|let me|can I] correct [my last answer|what I just sent|that]', 'wait, I got my <fw:*> wrong', 'the <fw:*> I [sent|gave you|typed] is wrong',
  'sorry, wrong number, it is {phone}', 'my bad, the right CPF is {cpf}', 'I misspelled my name, it is {name}', 'fix the <fw:*> I just sent', 'oops, that was a typo'], { asked: 0.25 });

// ---------- cancel
T('pt', 'cancel', ['[cancelar|cancela|cancela tudo|cancelar tudo|desisto|desisti|parar|pare|chega|esquece|deixa pra lá|deixa quieto|não quero mais|quero cancelar|quero parar|interromper|aborta|encerrar cadastro|cancela isso|sair do cadastro][|!|.| por favor| pfv]',
  '[cancela|cancelar] [o cadastro|a atualização|essa operação|isso aí]', 'não quero mais [continuar|fazer isso|atualizar nada], [cancela|pode cancelar]',
  '[desisto|cansei], [pode cancelar|cancela aí]', 'stop', 'STOP'], { styles: SHORT_STYLES, asked: 0.4 });
T('en', 'cancel', ['[cancel|stop|quit|abort|never mind|nevermind|forget it|I give up|I quit|exit|cancel that|cancel everything|stop this|stop it|I changed my mind, cancel][|!|.| please]',
  "[please |]cancel [the registration|the update|this]", "I don't want to [continue|go on|do this] anymore, [cancel|stop]"], { styles: SHORT_STYLES, asked: 0.4 });

// ---------- back
T('pt', 'back', ['[voltar|volta|volte|voltar uma|volta uma|anterior|pergunta anterior|retornar|quero voltar|peraí, volta|volta lá|volta um passo|voltar um passo|voltar à pergunta anterior|voltar pra anterior|volta pra pergunta de antes][|!| por favor| pfv|.]',
  '[dá pra|posso|tem como] voltar[| na pergunta anterior| um passo]?', 'quero voltar [para|pra] [a pergunta anterior|o passo anterior|a etapa anterior]', 'volta ⬅️'],
{ styles: SHORT_STYLES, asked: 0.5 });
T('en', 'back', ['[back|go back|previous|previous question|take me back|one step back|step back|back please|go back one step|return to the previous question][|!|.| please]',
  'can I go back[| to the previous question| a step]?', "let's go back to the [last|previous] question"], { styles: SHORT_STYLES, asked: 0.5 });

// ---------- help
T('pt', 'help', ['[ajuda|socorro|help|preciso de ajuda|me ajuda|me ajude|não entendi|não estou entendendo|tô perdido|tô perdida|como funciona|como funciona isso|o que eu faço|o que devo fazer|quais as opções|o que você faz|o que dá pra fazer aqui|pra que serve isso|como usar][|?|??]',
  'não entendi [o que|oq] [é pra|eu devo] [responder|fazer|digitar]', '[me explica|explica] como funciona[| isso| esse bot]', 'o que [você|esse robô|esse bot] [faz|sabe fazer]?',
  'quais [comandos|opções] eu tenho?', 'não sei o que [responder|digitar|fazer]', 'como [eu uso|funciona] esse [atendimento|bot|serviço]?', 'menu'], { asked: 0.3 });
T('en', 'help', ['[help|help me|I need help|I am confused|confused|how does this work|what can you do|what are my options|what should I do|what do I do now|I don\'t understand|I\'m lost|how do I use this|what is this|menu|options][|?]',
  "I don't [understand|get] what [to answer|you want|to type]", '[can you|could you] explain how this works?', 'what [commands|options] are there?', "I'm not sure what to [type|answer|do]"], { asked: 0.3 });

// ---------- human
T('pt', 'human', ['[quero|queria|gostaria de|preciso|posso] falar com [um atendente|uma atendente|atendente|uma pessoa|um humano|alguém de verdade|o suporte|o gerente|uma pessoa de verdade|um ser humano][|!|.| por favor| agora]',
  '[atendente|atendimento humano|falar com atendente|falar com humano|quero atendente|me passa pra um atendente|chama um atendente][|!| por favor| pfv]',
  '[tem|existe] [alguém de verdade|uma pessoa|algum atendente] aí?', 'não quero falar com robô, [quero|me passa pra] [uma pessoa|um atendente]',
  'me transfere [pro|para o] [suporte|atendimento|SAC]', 'cadê o atendente?'], { asked: 0.2 });
T('en', 'human', ["[I want to|I'd like to|can I|let me|I need to] [talk|speak] to [a human|a person|an agent|a real person|someone|customer service|a representative|support|the manager][|!|.| please| now]",
  '[agent|human|human please|representative|live agent|real person|operator][|!| please]', 'is there [a real person|anyone|a human] there?',
  "I don't want a bot, [get me|connect me to|transfer me to] [a human|a person|an agent]", 'transfer me to [support|customer service|an agent]'], { asked: 0.2 });

// ---------- delete_my_data
T('pt', 'delete_my_data', ['[quero|queria|gostaria de|preciso|desejo] [apagar|excluir|deletar|remover|apagar todos] [meus dados|meu cadastro|minhas informações|minha conta|os meus dados][|!|.| por favor| de vocês| do sistema| agora]',
  '[apaga|exclui|deleta|remove] [meus dados|meu cadastro|minha conta][| por favor| pfv|]', '[apagar|excluir|remover] [meus dados|meu cadastro|conta]',
  'não quero mais que vocês tenham meus dados, [apaguem|excluam] [tudo|meu cadastro]', 'pela LGPD [quero|solicito] a exclusão dos meus dados',
  'solicito a [exclusão|remoção] [do meu cadastro|dos meus dados pessoais]', 'me [tira|tirem|remove] [do cadastro|da base de vocês|do sistema]', 'como faço pra apagar meus dados?',
  'quero que vocês [esqueçam|apaguem] [tudo sobre mim|todos os meus dados]'], {});
T('en', 'delete_my_data', ["[I want to|I'd like to|please|I need to|can you] [delete|erase|remove|wipe] my [data|account|information|personal data|details|profile][|!|.| please| from your system| now]",
  'delete my [account|data]', 'remove me from your [database|system|records]', 'I want my personal data [erased|deleted] under LGPD',
  'please forget everything you have about me', 'how do I delete my account?', 'close my account and delete my data'], {});

// ---------- thanks
T('pt', 'thanks', ['[obrigado|obrigada|obg|brigado|brigada|valeu|vlw|muito obrigado|muito obrigada|obrigadão|brigadão|valeu mesmo|grato|grata|agradeço|obrigado pela ajuda|obrigada pela ajuda|muito obrigado pela atenção|valeu pela força|obrigado, ajudou muito|gratidão|obrigado de coração][|!|!!|.| 🙏]',
  'vocês são demais, obrigad[o|a]', 'muito [obrigado|obrigada], [resolveu|deu certo|foi rápido]', 'ok obrigado'], { styles: SHORT_STYLES });
T('en', 'thanks', ['[thanks|thank you|thx|ty|tysm|cheers|many thanks|thanks a lot|thank you so much|much appreciated|appreciate it|thanks for the help|thanks for your help|great, thanks|awesome thanks|thank you very much][|!|.| 🙏]',
  'that was [quick|easy|helpful], thank you', 'ok thanks'], { styles: SHORT_STYLES });

// ---------- goodbye
T('pt', 'goodbye', ['[tchau|tchauzinho|até mais|até logo|até breve|falou|flw|fui|até|xau|até a próxima|tenha um bom dia|boa noite, até amanhã|até depois|abraço|abraços|um abraço, tchau|beijo, tchau|tchau tchau][|!|.| 👋]',
  'por hoje é só, tchau', 'era só isso, até mais'], { styles: SHORT_STYLES });
T('en', 'goodbye', ['[bye|goodbye|bye bye|see you|see ya|later|talk later|have a nice day|have a good one|take care|catch you later|farewell|cya|good night|ttyl|bye for now][|!|.| 👋]',
  "that's all for today, bye", "that's all, see you"], { styles: SHORT_STYLES });

// ---------- keep
T('pt', 'keep', ['[manter|mantém|manter o atual|pode manter|mantenha|deixa como está|deixa assim|deixa como tá|pular|pula|pula essa|pular essa|pular esta pergunta|deixa o mesmo|continua o mesmo|sem alteração|não mudou, pode manter|mantém o que tá|mantém o que já tem|pode pular|prefiro pular|pular essa etapa][|!|.| por favor| pfv]',
  'é o mesmo de antes, [mantém|pode manter]', 'continua [igual|o mesmo], pode manter'],
{ styles: SHORT_STYLES, asked: 1 });
T('en', 'keep', ['[keep|keep it|keep the current one|keep as is|leave it|leave it as is|no change|unchanged|same as before|skip|skip it|skip this|skip this one|pass|keep the same|leave it the same|skip this question][|!|.| please]',
  "it hasn't changed, keep it"], { styles: SHORT_STYLES, asked: 1 });
T('pt', 'keep', ['[sem complemento|não tem complemento|não tenho complemento|não tenho, pode pular|não tem, pula]'], { styles: SHORT_STYLES, asked: 'complement', weight: 0.15 });
T('en', 'keep', ["I don't have one, skip", 'no apartment number, skip', 'none, skip it', 'not applicable, skip'], { styles: SHORT_STYLES, asked: 'complement', weight: 0.15 });

// ---------- out_of_scope
T('pt', 'out_of_scope', ['[qual a|como está a|vai chover? qual a] previsão do tempo[| pra hoje| amanhã| em {city}]?', 'vocês vendem [celular|geladeira|notebook|ração|tênis]?', 'vcs vendem celular?',
  'quanto custa o frete pra [Manaus|Recife|o Rio]?', 'qual o horário de funcionamento da loja?', 'me conta uma piada', 'quem ganhou o jogo [ontem|de domingo]?',
  'qual a capital da [França|Austrália|Argentina]?', 'quanto é [15 x 3|2 + 2|100 dividido por 4]?', 'você é um robô?', 'qual é o seu nome?', 'kkkkkkk',
  'meu pedido ainda não chegou, cadê?', 'vocês aceitam pix?', 'qual o melhor time do Brasil?', 'tem vaga de emprego aí?', 'que dia é hoje?',
  'me recomenda um filme', 'como faço bolo de cenoura?', 'quero comprar um [presente|celular|notebook]', 'qual o preço do dólar hoje?', 'onde fica a loja mais próxima?',
  'vocês entregam no sábado?', 'asdfghjkl', 'testando', 'que horas são?', 'tô com fome', 'você gosta de música?', 'qual o sentido da vida?',
  'minha internet tá lenta', 'quero fazer um pedido', 'tem promoção hoje?', 'o site de vocês tá fora do ar?', 'quanto custa a mensalidade?',
  'você namora?', 'quem é o presidente do Brasil?', 'me indica um restaurante [em {city}|bom|barato]'], { asked: 0.12 });
T('en', 'out_of_scope', ["what's the weather [like today|tomorrow|in {city}]?", 'do you sell [phones|laptops|shoes|pet food]?', 'how much is shipping to [Manaus|Recife]?',
  'what are your store hours?', 'tell me a joke', 'who won the game [last night|yesterday]?', 'what is the capital of [France|Australia|Canada]?',
  'what is [2 + 2|15 times 3|the square root of 81]?', 'are you a robot?', "what's your name?", 'lol', 'where is my order?', 'do you accept credit cards?',
  'are you hiring?', 'what day is it today?', 'recommend me a movie', 'how do I bake a cake?', 'I want to buy a [gift|phone|laptop]',
  "what's the dollar exchange rate?", "where's the nearest store?", 'asdf', 'testing', 'what time is it?', "I'm hungry", 'do you like music?',
  "what's the meaning of life?", 'my internet is slow', 'is your website down?', 'how much is the monthly fee?', 'can you book me a flight?',
  'play some music', 'who is the president of the US?', 'any good restaurants [in {city}|around here]?'], { asked: 0.12 });

// ---------------------------------------------------------------- hand-written lines (used verbatim, before generated ones)
// [lang, intent, text, values?, asked?]
const HAND = [
  ['pt', 'greet', 'Oi! Boa tarde, tudo bem com vocês?'], ['pt', 'greet', 'OIEEE'], ['pt', 'greet', 'bom diaaa ☀️'],
  ['en', 'greet', 'Hey! Good morning 😊'], ['en', 'greet', 'HELLO?'],
  ['pt', 'register', 'Boa tarde, gostaria de realizar meu cadastro junto a vocês, por gentileza.'],
  ['pt', 'register', 'oi quero me cadastrar vi o anuncio de vcs no insta'], ['pt', 'register', 'CADASTRO'],
  ['pt', 'register', 'como q faz o cadstro aqui?'], ['en', 'register', "hey, a friend told me about you, I'd like to sign up"],
  ['en', 'register', 'SIGN ME UP'],
  ['pt', 'update', 'quero mudar meu e-mail'], ['pt', 'update', 'atualizar meu endereço'], ['pt', 'update', 'quero atualizar meu cadastro'],
  ['pt', 'update', 'oi mudei de apartamento no mesmo prédio e preciso atualizar o complemento'], ['pt', 'update', 'qro atualisar meu emial'],
  ['pt', 'update', 'Prezados, solicito a atualização do meu endereço cadastral. Agradeço desde já.'],
  ['pt', 'update', 'é que eu casei e mudei meu sobrenome aí precisava trocar o nome no cadastro'],
  ['en', 'update', 'I got a new job and a new email, please update my details'], ['en', 'update', 'need to update my address asap'],
  ['en', 'update', 'hi there i moved last month so i guess i need to change my address and zip code'],
  ['pt', 'show_my_data', 'ver meus dados'], ['pt', 'show_my_data', 'oi, quero conferir se meu endereço tá certo no cadastro, pode me mostrar?'],
  ['en', 'show_my_data', 'could you please show me the information you currently have on file for me?'],
  ['pt', 'provide_value', 'meu email é ana@x.com e meu cep 01310-100', { email: 'ana@x.com', postalCode: '01310-100' }],
  ['pt', 'provide_value', 'Maria da Silva', { name: 'Maria da Silva' }, 'name'],
  ['pt', 'provide_value', 'meu cpf é 529.982.247-25', { cpf: '529.982.247-25' }],
  ['pt', 'provide_value', 'nasci dia 17/05/1990', { birthDate: '17/05/1990' }],
  ['pt', 'provide_value', 'o meu celular é (11) 98765-4321 pode mandar msg no zap', { phone: '(11) 98765-4321' }],
  ['pt', 'provide_value', 'meu número é 11987654321', { phone: '11987654321' }],
  ['pt', 'provide_value', 'é 1990-05-17', { birthDate: '1990-05-17' }, 'birthDate'],
  ['pt', 'provide_value', 'Rua Doutor Arnaldo', { street: 'Rua Doutor Arnaldo' }, 'street'],
  ['pt', 'provide_value', '1578', { number: '1578' }, 'number'],
  ['pt', 'provide_value', 'apto 42 bloco B', { complement: 'apto 42 bloco B' }, 'complement'],
  ['pt', 'provide_value', 'Pinheiros', { district: 'Pinheiros' }, 'district'],
  ['pt', 'provide_value', 'Sao Paulo', { city: 'Sao Paulo' }, 'city'],
  ['pt', 'provide_value', 'SP', { state: 'SP' }, 'state'],
  ['pt', 'provide_value', 'JOSE CARLOS DE SOUZA', { name: 'JOSE CARLOS DE SOUZA' }, 'name'],
  ['pt', 'provide_value', 'entao meu nome e Joao Pedro Alves meu email e joaopedro@gmail.com e o telefone 21 99876-5432',
    { name: 'Joao Pedro Alves', email: 'joaopedro@gmail.com', phone: '21 99876-5432' }],
  ['pt', 'provide_value', 'meu cep é 01310100 e o número 200', { postalCode: '01310100', number: '200' }],
  ['pt', 'provide_value', 'data de nasc 7/3/1985', { birthDate: '7/3/1985' }],
  ['pt', 'provide_value', 'cpf 123.456.789-00', {}], ['pt', 'provide_value', 'meu cpf é 11111111111', {}],
  ['en', 'provide_value', 'my email is john.smith@gmail.com', { email: 'john.smith@gmail.com' }],
  ['en', 'provide_value', 'John Smith', { name: 'John Smith' }, 'name'],
  ['en', 'provide_value', 'my CPF is 52998224725 and I was born on 1988-12-01', { cpf: '52998224725', birthDate: '1988-12-01' }],
  ['en', 'provide_value', 'you can text me on +55 21 99876-5432', { phone: '+55 21 99876-5432' }],
  ['en', 'provide_value', "zip code's 22041-001", { postalCode: '22041-001' }],
  ['pt', 'affirm', 'sim'], ['pt', 'affirm', 's'], ['pt', 'affirm', 'isso'], ['pt', 'affirm', 'pode'], ['pt', 'affirm', '👍'],
  ['pt', 'affirm', 'sim, tá tudo certinho'], ['pt', 'affirm', 'aham pode ser'],
  ['en', 'affirm', 'yes'], ['en', 'affirm', 'y'], ['en', 'affirm', 'yep, all correct'],
  ['pt', 'deny', 'não'], ['pt', 'deny', 'nao'], ['pt', 'deny', 'n'], ['pt', 'deny', '👎'], ['pt', 'deny', 'não quero mudar o e-mail'],
  ['pt', 'deny', 'nao nao ta errado isso'], ['en', 'deny', 'no'], ['en', 'deny', 'nope, that is not my address'],
  ['pt', 'correct', 'na verdade o email é ana.souza@gmail.com', { email: 'ana.souza@gmail.com' }], ['pt', 'correct', 'errei o número'],
  ['pt', 'correct', 'corrigir'], ['pt', 'correct', 'xi mandei o cep errado o certo é 04538-132', { postalCode: '04538-132' }],
  ['en', 'correct', 'sorry I typed my birthday wrong it is 03/11/1992', { birthDate: '03/11/1992' }],
  ['pt', 'cancel', 'cancelar'], ['pt', 'cancel', 'desisto'], ['pt', 'cancel', 'ah quer saber, esquece, depois eu faço'],
  ['en', 'cancel', 'stop'], ['en', 'cancel', 'ugh never mind, cancel this'],
  ['pt', 'back', 'voltar'], ['pt', 'back', 'opa pera volta na pergunta de antes'], ['en', 'back', 'wait go back'],
  ['pt', 'help', 'ajuda'], ['pt', 'help', 'como funciona?'], ['pt', 'help', 'oq eu tenho q fazer aqui?'], ['en', 'help', 'what am I supposed to do here?'],
  ['pt', 'human', 'falar com atendente'], ['pt', 'human', 'QUERO FALAR COM UMA PESSOA!!!'], ['pt', 'human', 'pfv me passa pra alguém humano'],
  ['en', 'human', 'can I talk to a real person please'],
  ['pt', 'delete_my_data', 'quero apagar meus dados'], ['pt', 'delete_my_data', 'exclui minha conta ai pfv'],
  ['en', 'delete_my_data', 'delete my account'], ['en', 'delete_my_data', 'I no longer want to be in your system, please erase everything about me'],
  ['pt', 'thanks', 'obrigado!'], ['pt', 'thanks', 'valeuuu 🙏'], ['en', 'thanks', 'thanks!!'],
  ['pt', 'goodbye', 'tchau'], ['pt', 'goodbye', 'flw'], ['en', 'goodbye', 'bye'], ['en', 'goodbye', 'ok bye 👋'],
  ['pt', 'out_of_scope', 'qual a previsão do tempo?'], ['pt', 'out_of_scope', 'vcs vendem celular?'], ['pt', 'out_of_scope', 'bom dia, meu boleto venceu, como pago?'],
  ['en', 'out_of_scope', "what's the weather like?"], ['en', 'out_of_scope', 'can you help me with my homework?'],
  ['pt', 'keep', 'manter', {}, 'email'], ['pt', 'keep', 'pular', {}, 'complement'], ['en', 'keep', 'keep', {}, 'phone'], ['en', 'keep', 'skip', {}, 'complement'],
  ['pt', 'keep', 'pode manter esse mesmo', {}, 'email'], ['en', 'keep', 'keep my current address', {}, 'street'],
];

// ---------------------------------------------------------------- targets (total per intent; 60 % pt / 40 % en)
const TARGET = {
  provide_value: 390, update: 135, register: 90, show_my_data: 80, affirm: 90, deny: 90, correct: 95, cancel: 75, back: 60,
  help: 80, human: 75, delete_my_data: 80, thanks: 65, goodbye: 60, greet: 70, out_of_scope: 115, keep: 65,
};

// ---------------------------------------------------------------- build
const norm = (s) => fold(s).toLowerCase().replace(/[.,!?;:'"()\-]+/g, ' ').replace(/\s+/g, ' ').trim();
const seen = new Set();
const skeletonCount = new Map();
const items = [];

function check(item) {
  for (const [f, v] of Object.entries(item.values)) {
    if (!FIELDS.includes(f)) throw new Error(`unknown field ${f}: ${item.text}`);
    if (!item.text.includes(v)) throw new Error(`value not a substring: ${f}=${v} in ${item.text}`);
    if (f === 'cpf' && !cpfIsValid(v)) throw new Error(`invalid CPF annotated: ${item.text}`);
  }
  if (item.asked && FREE_TEXT.has(item.asked) && item.intent === 'provide_value' && item.values[item.asked] === undefined) {
    throw new Error(`asked field missing: ${item.text}`);
  }
}
function add(item, skeleton, cap) {
  const key = norm(item.text);
  if (!key && !/\p{Extended_Pictographic}/u.test(item.text)) return false;
  const k = key || item.text;
  if (seen.has(k)) return false;
  if (skeleton !== undefined) {
    const c = skeletonCount.get(skeleton) || 0;
    if (c >= cap) return false;
    skeletonCount.set(skeleton, c + 1);
  }
  check(item);
  seen.add(k);
  items.push(item);
  return true;
}

for (const [lang, intent, text, values = {}, asked] of HAND) {
  const it = { text, lang, intent, values, family: 'hand' };
  if (asked) it.asked = asked;
  add(it);
}

function generateOne(lang, intent) {
  const gens = G[lang][intent];
  const total = gens.reduce((a, g) => a + (g.opts.weight ?? 1), 0);
  let r = rnd() * total, g = gens[0];
  for (const cand of gens) { r -= cand.opts.weight ?? 1; if (r <= 0) { g = cand; break; } }
  let tpl = pick(g.templates);
  // the template a line comes from: lines of one family differ only in choices, values and style
  const family = `${lang}/${intent}/${gens.indexOf(g)}.${g.templates.indexOf(tpl)}`;
  const style = pick(g.opts.styles || ALL_STYLES);
  // invalid CPF: a plain 11-digit number, not annotated
  tpl = tpl.replace('{!badcpf}', () => invalidCpf());
  const segs = expand(tpl, lang);
  const { text, values } = render(segs, lang, intent, style);
  const item = { text, lang, intent, values, family };
  let asked = g.opts.asked;
  if (typeof asked === 'number') {
    const talkedAbout = segs.find((s) => s.fw)?.fw;
    asked = chance(asked) ? (talkedAbout && ['affirm', 'deny', 'keep'].includes(intent) ? talkedAbout : pick(FIELDS)) : undefined;
  }
  if (asked) item.asked = asked;
  if (g.opts.whole) { // the whole trimmed answer is the value
    const f = g.opts.asked;
    item.values = { [f]: text };
  }
  // skeleton: the text with values masked, so one template cannot flood the corpus
  let skel = norm(Object.values(values).reduce((t, v) => t.split(v).join(' § '), text));
  return { item, skel: `${lang}|${intent}|${item.asked || ''}|${skel}` };
}

const langs = [['pt', 0.6], ['en', 0.4]];
for (const intent of Object.keys(TARGET)) {
  for (const [lang, share] of langs) {
    const want = Math.round(TARGET[intent] * share);
    let have = items.filter((i) => i.intent === intent && i.lang === lang).length;
    let tries = 0;
    while (have < want && tries < want * 400) {
      tries++;
      const { item, skel } = generateOne(lang, intent);
      const cap = intent === 'provide_value' ? (item.asked && FREE_TEXT.has(item.asked) ? 6 : 2) : 1;
      if (add(item, skel, cap)) have++;
    }
    if (have < want) console.error(`warning: ${intent}/${lang}: only ${have} of ${want}`);
  }
}

// ---------------------------------------------------------------- stratified split
rnd = mulberry32(SEED ^ 0x5eed);
const groups = new Map();
for (const it of items) {
  const k = `${it.intent}|${it.lang}`;
  if (!groups.has(k)) groups.set(k, []);
  groups.get(k).push(it);
}
const train = [], dev = [];
for (const k of [...groups.keys()].sort()) {
  const g = shuffle([...groups.get(k)]);
  const n = Math.round(g.length * TRAIN_SHARE);
  train.push(...g.slice(0, n));
  dev.push(...g.slice(n));
}
shuffle(train); shuffle(dev);

const line = (it) => {
  const o = { text: it.text, lang: it.lang, intent: it.intent, values: it.values };
  if (it.asked) o.asked = it.asked;
  o.family = it.family;
  return JSON.stringify(o);
};
if (!process.argv.includes('--stdout')) {
  writeFileSync(join(HERE, 'train.jsonl'), train.map(line).join('\n') + '\n');
  writeFileSync(join(HERE, 'dev.jsonl'), dev.map(line).join('\n') + '\n');
}

// ---------------------------------------------------------------- counts
const intents = Object.keys(TARGET).sort();
const count = (arr, f) => arr.filter(f).length;
const rows = [['intent', 'pt', 'en', 'total', 'train', 'dev']];
for (const i of intents) {
  rows.push([i, count(items, (x) => x.intent === i && x.lang === 'pt'), count(items, (x) => x.intent === i && x.lang === 'en'),
    count(items, (x) => x.intent === i), count(train, (x) => x.intent === i), count(dev, (x) => x.intent === i)]);
}
rows.push(['**total**', count(items, (x) => x.lang === 'pt'), count(items, (x) => x.lang === 'en'), items.length, train.length, dev.length]);
const fieldRows = FIELDS.map((f) => [f, count(items, (x) => f in x.values), count(items, (x) => x.asked === f)]);
console.log('| ' + rows[0].join(' | ') + ' |');
console.log('|' + rows[0].map((_, j) => (j ? '---:' : '---')).join('|') + '|');
for (const r of rows.slice(1)) console.log('| ' + r.join(' | ') + ' |');
console.log('');
console.log('| field | utterances with a value | utterances where it was asked |');
console.log('|---|---:|---:|');
for (const r of fieldRows) console.log('| ' + r.join(' | ') + ' |');
