import { readFacility } from './facility';
import { personNames } from './names';
import { AUTHORITY_WORDS, HEARING_KIND_WORDS, SEX_WORDS, SOURCE_KIND_WORDS } from './vocabularies';
import { recognise } from './vocabulary';

describe('recognising vocabulary values in Russian, Kazakh and English', () => {
  it.each([
    ['м', 'male'],
    ['Муж.', 'male'],
    ['мужской', 'male'],
    ['Ер', 'male'],
    ['M', 'male'],
    ['Male', 'male'],
    ['ж', 'female'],
    ['жен', 'female'],
    ['Женский', 'female'],
    ['әйел', 'female'],
    ['F', 'female'],
    ['female', 'female'],
    ['неизвестно', null],
  ])('sex: %s', (text, value) => {
    expect(recognise(text, SEX_WORDS)).toBe(value);
  });

  it.each([
    ['мать', 'relative'],
    ['сестра задержанного', 'relative'],
    ['туысы', 'relative'],
    ['адвокат семьи', 'lawyer'],
    ['қорғаушы', 'lawyer'],
    ['очевидец', 'witness'],
    ['куәгер', 'witness'],
    ['сам', 'self'],
    ['СМИ', 'media'],
    ['Telegram-канал', 'media'],
    ['горячая линия', 'ngo'],
    ['NGO', 'ngo'],
    ['Relative', 'relative'],
    ['сосед', null],
  ])('source kind: %s', (text, value) => {
    expect(recognise(text, SOURCE_KIND_WORDS)).toBe(value);
  });

  it.each([
    ['полиция', 'police'],
    ['ОМОН', 'special_forces'],
    ['Нацгвардия', 'national_guard'],
    ['ұлттық ұлан', 'national_guard'],
    ['КНБ', 'security_service'],
    ['люди в штатском', 'plain_clothes'],
    ['военные', 'military'],
    ['не известно', 'unknown'],
  ])('authority: %s', (text, value) => {
    expect(recognise(text, AUTHORITY_WORDS)).toBe(value);
  });

  it.each([
    ['мера пресечения', 'preventive_measure'],
    ['избрание меры пресечения', 'preventive_measure'],
    ['продление меры пресечения', 'measure_extension'],
    ['апелляция на арест', 'appeal'],
    ['бұлтартпау шарасы', 'preventive_measure'],
    ['жалоба на постановление', 'complaint_review'],
    ['рассмотрение по существу', 'trial'],
    ['remand hearing', 'preventive_measure'],
    ['предварительное слушание', null],
  ])('hearing kind: %s', (text, value) => {
    expect(recognise(text, HEARING_KIND_WORDS)).toBe(value);
  });
});

describe('readFacility', () => {
  it('tells a code from a name and the kind from the words, else other', () => {
    expect(readFacility('LA-155/18')).toEqual({ code: 'LA-155/18', kind: 'other' });
    expect(readFacility('СИЗО-1')).toEqual({ code: 'СИЗО-1', kind: 'pretrial_detention' });
    expect(readFacility('ИВС ДП г. Алматы')).toEqual({ name: 'ИВС ДП г. Алматы', kind: 'temporary_detention' });
    expect(readFacility('Городская больница №4')).toEqual({ name: 'Городская больница №4', kind: 'hospital' });
    expect(readFacility('Бостандыкский РОВД')).toEqual({ name: 'Бостандыкский РОВД', kind: 'police_station' });
    expect(readFacility('спецприемник')).toEqual({ name: 'спецприемник', kind: 'special_detention' });
    expect(readFacility(' ')).toBeNull();
  });
});

describe('personNames', () => {
  it('takes the first spelling as the name and the others, and a variants column, as variants, each once', () => {
    expect(personNames('Жолатов Нурлан / Zholatov Nurlan', 'Jolatov Nurlan; Zholatov Nurlan')).toEqual({
      fullName: 'Жолатов Нурлан',
      nameVariants: ['Zholatov Nurlan', 'Jolatov Nurlan'],
    });
    expect(personNames('  Ахметова   Айгуль ', '')).toEqual({ fullName: 'Ахметова Айгуль', nameVariants: [] });
    expect(personNames('', 'Ivanov')).toEqual({ fullName: null, nameVariants: ['Ivanov'] });
  });
});

describe('recognising phrases the words of which are inflected', () => {
  it.each([
    ['Национальная гвардия', 'national_guard'],
    ['сотрудники полиции', 'police'],
    ['спецназ КНБ', 'special_forces'],
    ['сотрудники в гражданской одежде', 'plain_clothes'],
  ])('authority: %s', (text, value) => {
    expect(recognise(text, AUTHORITY_WORDS)).toBe(value);
  });

  it.each([
    ['сам задержанный', 'self'],
    ['the person themselves', 'self'],
    ['его сын', 'relative'],
    ['Telegram: news', 'media'],
    ['НПО', 'ngo'],
  ])('source kind: %s', (text, value) => {
    expect(recognise(text, SOURCE_KIND_WORDS)).toBe(value);
  });
});
