import type { Authority, FacilityKind, HearingKind, Sex, SourceKind } from '@casetrack/domain';
import type { Recognition } from './vocabulary';

/** Recognition data (not text shown to anyone): how lists write the values of the domain's vocabularies. */

export const SEX_WORDS: readonly Recognition<Sex>[] = [
  {
    value: 'male',
    exact: ['м', 'муж', 'мужской', 'мужчина', 'm', 'male', 'man', 'ер', 'еркек', 'ер адам'],
    stems: ['мужск', 'мужчин', 'еркек', 'male'],
  },
  {
    value: 'female',
    exact: ['ж', 'жен', 'женский', 'женщина', 'f', 'female', 'woman', 'әйел', 'әйел адам'],
    stems: ['женск', 'женщин', 'әйел', 'female', 'woman'],
  },
];

export const SOURCE_KIND_WORDS: readonly Recognition<SourceKind>[] = [
  { value: 'lawyer', stems: ['адвокат', 'защитник', 'юрист', 'қорғаушы', 'заңгер', 'lawyer', 'attorney', 'counsel'] },
  { value: 'witness', stems: ['свидетел', 'очевид', 'куә', 'witness', 'eyewitness'] },
  {
    value: 'self',
    exact: ['сам', 'сама', 'лично', 'өзі', 'self', 'himself', 'herself'],
    stems: ['сам задерж', 'сама задерж', 'өзі', 'self', 'themselves', 'the person themselves'],
  },
  {
    value: 'relative',
    exact: ['мать', 'мама', 'отец', 'папа', 'жена', 'муж', 'сын', 'ана', 'әке', 'апа', 'аға', 'іні'],
    stems: [
      'родствен',
      'родн',
      'матер',
      'отц',
      'сестр',
      'брат',
      'дочь',
      'дочер',
      'супруг',
      'семь',
      'туыс',
      'отбасы',
      'әйелі',
      'күйеу',
      'қарындас',
      'relative',
      'family',
      'mother',
      'father',
      'wife',
      'husband',
      'sister',
      'brother',
      'daughter',
    ],
    words: ['son', 'мать', 'отец', 'жена', 'муж', 'сын', 'ана', 'әке'],
  },
  {
    value: 'media',
    words: ['сми', 'бақ', 'media', 'press', 'news'],
    stems: [
      'журналист',
      'пресс',
      'медиа',
      'новост',
      'телеграм',
      'газет',
      'ақпарат',
      'journalist',
      'telegram',
      'newspaper',
    ],
  },
  {
    value: 'ngo',
    words: ['нпо', 'нко', 'ngo', 'үеұ'],
    stems: [
      'правозащит',
      'организац',
      'фонд',
      'горяч',
      'волонт',
      'ұйым',
      'құқық қорға',
      'hotline',
      'volunteer',
      'human rights',
    ],
  },
];

export const AUTHORITY_WORDS: readonly Recognition<Authority>[] = [
  {
    value: 'special_forces',
    words: ['омон', 'собр', 'swat'],
    stems: ['спецназ', 'арнайы жасақ', 'special force', 'riot police'],
  },
  { value: 'national_guard', stems: ['нацгвард', 'национальн гвард', 'росгвард', 'ұлттық ұлан', 'national guard'] },
  {
    value: 'security_service',
    words: ['кнб', 'фсб', 'ұқк', 'нсб'],
    stems: ['спецслужб', 'комитет национальной безопасности', 'ұлттық қауіпсіздік', 'security service'],
  },
  { value: 'military', stems: ['военн', 'арми', 'военнослуж', 'әскер', 'military', 'army', 'soldier'] },
  {
    value: 'plain_clothes',
    stems: ['в штатском', 'в гражданск', 'штатск', 'азаматтық киім', 'plain cloth', 'plainclothes'],
  },
  {
    value: 'police',
    words: ['мвд', 'овд', 'увд', 'ровд', 'дп', 'уп'],
    stems: ['полиц', 'милиц', 'ішкі істер', 'police'],
  },
  { value: 'unknown', stems: ['неизвест', 'не известно', 'белгісіз', 'unknown'] },
];

export const HEARING_KIND_WORDS: readonly Recognition<HearingKind>[] = [
  { value: 'appeal', stems: ['апелл', 'кассац', 'апелляциялық', 'appeal', 'cassation'] },
  { value: 'measure_extension', stems: ['продлен', 'продлить', 'ұзарт', 'extension', 'extend'] },
  { value: 'complaint_review', stems: ['жалоб', 'шағым', 'complaint'] },
  {
    value: 'preventive_measure',
    exact: ['арест', 'санкция', 'мп'],
    stems: [
      'мера пресеч',
      'меры пресеч',
      'мер пресеч',
      'избрани',
      'санкциониров',
      'бұлтартпау',
      'preventive',
      'remand',
      'detention hearing',
      'pre trial detention',
    ],
  },
  {
    value: 'trial',
    stems: ['по существу', 'главн', 'судебн разбират', 'приговор', 'сот талқылау', 'үкім', 'trial', 'verdict'],
  },
];

export const FACILITY_KIND_WORDS: readonly Recognition<FacilityKind>[] = [
  {
    value: 'pretrial_detention',
    words: ['си', 'si'],
    stems: ['сизо', 'следственн изолятор', 'тергеу изолятор', 'pretrial', 'pre trial', 'remand'],
  },
  {
    value: 'temporary_detention',
    stems: ['ивс', 'изолятор временн', 'уақытша ұстау', 'temporary detention', 'tdf'],
  },
  {
    value: 'special_detention',
    stems: ['спецприемник', 'арнаулы қабылдау', 'special detention', 'special reception'],
  },
  { value: 'hospital', stems: ['больниц', 'госпитал', 'клиник', 'аурухана', 'hospital', 'clinic'] },
  { value: 'prison', stems: ['колони', 'тюрьм', 'түрме', 'prison', 'penal colony'] },
  {
    value: 'police_station',
    words: ['ровд', 'рувд', 'овд', 'увд', 'уп', 'дп'],
    stems: ['отдел полиц', 'управлен полиц', 'полиц', 'police station', 'precinct'],
  },
];
