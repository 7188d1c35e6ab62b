import { Anchor, Group, NativeSelect, TextInput } from '@mantine/core';
import { LOCALES, isLocale, type Locale } from '@i18n-shared/locales';
import { type ReactNode, useState } from 'react';
import { useI18n, useT } from '../../i18n/i18n-context';

/** The dossier as a download link (the cookie authenticates the GET): its format, language and time zone. */
export function DossierDownload({ caseId }: { caseId: string }): ReactNode {
  const t = useT();
  const { translator, timeZone } = useI18n();
  const [format, setFormat] = useState<'pdf' | 'json'>('pdf');
  const [lang, setLang] = useState<Locale>(translator.locale);
  const [tz, setTz] = useState(timeZone);
  const query = new URLSearchParams({ format, lang, tz });
  return (
    <Group align="end" component="section" aria-label={t('roles.dossier.title')}>
      <NativeSelect
        label={t('roles.dossier.format')}
        value={format}
        onChange={(e) => setFormat(e.currentTarget.value === 'json' ? 'json' : 'pdf')}
        data={[
          { value: 'pdf', label: t('roles.dossier.pdf') },
          { value: 'json', label: t('roles.dossier.json') },
        ]}
      />
      <NativeSelect
        label={t('roles.dossier.language')}
        value={lang}
        onChange={(e) => {
          const value = e.currentTarget.value;
          if (isLocale(value)) setLang(value);
        }}
        data={LOCALES.map((locale) => ({ value: locale, label: t(`console.language.${locale}`) }))}
      />
      <TextInput label={t('roles.dossier.timeZone')} value={tz} onChange={(e) => setTz(e.currentTarget.value)} />
      <Anchor href={`/v1/cases/${caseId}/dossier?${query.toString()}`} download>
        {t('roles.dossier.download')}
      </Anchor>
    </Group>
  );
}
