import { suggestMapping } from './suggest-mapping';

describe('suggestMapping: fields from Russian, Kazakh and English headers', () => {
  it('maps a Russian volunteers list, the merged "Задержание" columns included', () => {
    const columns = [
      '№',
      'Ф.И.О.',
      'Дата рождения',
      'Пол',
      'Город',
      'Задержание: дата',
      'Задержание: место',
      'Статья УК',
      'Место содержания',
      'Источник',
      'Примечание',
    ];
    expect(suggestMapping(columns, 'cases')).toEqual({
      'Ф.И.О.': 'fullName',
      'Дата рождения': 'birthDate',
      Пол: 'sex',
      Город: 'city',
      'Задержание: дата': 'detainedAt',
      'Задержание: место': 'detentionPlace',
      'Статья УК': 'article',
      'Место содержания': 'facility',
      Источник: 'sourceKind',
      Примечание: 'note',
    });
  });

  it('maps Kazakh headers', () => {
    const columns = ['Аты-жөні', 'Туған күні', 'Жынысы', 'Қала', 'Ұсталған күні', 'Бап', 'Ұстау мекемесі', 'Ескерту'];
    expect(suggestMapping(columns, 'cases')).toEqual({
      'Аты-жөні': 'fullName',
      'Туған күні': 'birthDate',
      Жынысы: 'sex',
      Қала: 'city',
      'Ұсталған күні': 'detainedAt',
      Бап: 'article',
      'Ұстау мекемесі': 'facility',
      Ескерту: 'note',
    });
  });

  it('maps English headers in any case and spelling of spaces', () => {
    const columns = ['FULL NAME', 'Other spellings', 'City', 'Date detained', 'Article', 'Facility', 'Sex', 'Notes'];
    expect(suggestMapping(columns, 'cases')).toEqual({
      'FULL NAME': 'fullName',
      'Other spellings': 'nameVariants',
      City: 'city',
      'Date detained': 'detainedAt',
      Article: 'article',
      Facility: 'facility',
      Sex: 'sex',
      Notes: 'note',
    });
  });

  it('never maps two columns to one field: the closer name wins, and the column further left on a tie', () => {
    expect(suggestMapping(['Имя в латинице', 'ФИО', 'ФИО (2)', 'Дата задержания (примерно)'], 'cases')).toEqual({
      'Имя в латинице': 'nameVariants',
      ФИО: 'fullName',
      'Дата задержания (примерно)': 'detainedAt',
    });
    expect(suggestMapping(['Место задержания', 'Когда задержан'], 'cases')).toEqual({
      'Место задержания': 'detentionPlace',
      'Когда задержан': 'detainedAt',
    });
  });

  it('leaves unknown columns out', () => {
    expect(suggestMapping(['Телефон', 'ИИН', ''], 'cases')).toEqual({});
  });

  it('maps a court list of hearings, with the hour in a column of its own', () => {
    const columns = ['Дата', 'Время', 'Суд', 'Судья', 'ФИО', 'Вид заседания'];
    expect(suggestMapping(columns, 'hearings')).toEqual({
      Дата: 'scheduledAt',
      Время: 'hearingTime',
      Суд: 'court',
      Судья: 'judge',
      ФИО: 'fullName',
      'Вид заседания': 'hearingKind',
    });
    expect(suggestMapping(['Отырыс күні', 'Сот', 'Аты-жөні'], 'hearings')).toEqual({
      'Отырыс күні': 'scheduledAt',
      Сот: 'court',
      'Аты-жөні': 'fullName',
    });
    expect(suggestMapping(['Hearing date', 'Court', 'Judge', 'Name', 'Case ID'], 'hearings')).toEqual({
      'Hearing date': 'scheduledAt',
      Court: 'court',
      Judge: 'judge',
      Name: 'fullName',
      'Case ID': 'caseId',
    });
  });
});
