import { useTranslation } from 'react-i18next';
import { useEffectiveLanguage } from '../../i18n/useEffectiveLanguage';
import { FallbackNotice } from '../../info/Shown';
import { useContent } from '../../info/useContent';
import { InfoLayout } from './InfoLayout';
import { ServiceList } from './ServiceList';

/** The services of one topic. */
export function TopicScreen({ topicId }: { readonly topicId: string }) {
  const { t } = useTranslation();
  const language = useEffectiveLanguage();
  const topic = useContent('content.topic', { language, topicId });
  const value = topic.phase === 'ready' ? topic.value : null;
  return (
    <InfoLayout screen="info-topic" title={value?.name.text ?? t('common.loading')} titleLang={value?.name.lang}>
      {value && (
        <>
          <FallbackNotice texts={[value.name, ...value.services.map((s) => s.name)]} />
          <ServiceList services={value.services} label={value.name.text} />
        </>
      )}
    </InfoLayout>
  );
}
