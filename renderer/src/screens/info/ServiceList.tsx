import type { ServiceSummary } from '#shared/contract/contentContract';
import { Shown } from '../../info/Shown';
import { useInfoNavigation } from './infoScreenNavigation';

/** Services as large buttons; the Bürgerservice's own are marked, the topic tells similar names apart. */
export function ServiceList({ services, label }: { readonly services: readonly ServiceSummary[]; readonly label: string }) {
  const { go } = useInfoNavigation();
  return (
    <ul className="service-list" aria-label={label}>
      {services.map((service) => (
        <li key={service.id}>
          <button
            type="button"
            className="service-list__item"
            data-service={service.id}
            data-local={service.local}
            onClick={() => go({ screen: 'info-service', serviceId: service.id })}
          >
            <span className="service-list__name">
              <Shown text={service.name} />
            </span>
            {service.topic && (
              <span className="service-list__topic">
                <Shown text={service.topic} />
              </span>
            )}
          </button>
        </li>
      ))}
    </ul>
  );
}
