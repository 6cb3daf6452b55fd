// "find a place": a search box over the neighbourhoods' names (more place sources can join findPlaces) and
// "use my location", asked for with consent and never sent anywhere.
import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { findPlaces, placesFromAreas } from '../../core/places/findPlaces.ts';
import type { Place } from '../../core/places/findPlaces.ts';
import { useAppStore } from '../../store/useAppStore.ts';
import { LocateMe } from './LocateMe.tsx';

/** where more places come from later (streets and landmarks from the basemap, context layers): each adds Place[] */
export type PlaceSources = readonly (readonly Place[])[];

export function PlaceSearch({ extraPlaces = [] }: { extraPlaces?: PlaceSources }) {
  const { t } = useTranslation();
  const areas = useAppStore((s) => s.areas);
  const mapTargetChosen = useAppStore((s) => s.mapTargetChosen);
  const [query, setQuery] = useState('');
  const [chosen, setChosen] = useState<string | null>(null);
  const places = useMemo(() => [...placesFromAreas(areas), ...extraPlaces.flat()], [areas, extraPlaces]);
  const found = useMemo(() => findPlaces(places, query, { limit: 6 }), [places, query]);
  const inputId = useId();
  const resultsId = useId();
  const searching = query.trim() !== '' && chosen !== query;

  function choose(place: Place) {
    mapTargetChosen({ bbox: place.bbox });
    setQuery(place.name);
    setChosen(place.name);
  }

  return (
    <div className="place-search">
      <form
        role="search"
        className="place-search__form"
        onSubmit={(event) => {
          event.preventDefault();
          const [first] = found;
          if (first) choose(first);
        }}
      >
        <label htmlFor={inputId} className="visually-hidden">
          {t('resident17.search.label')}
        </label>
        <input
          id={inputId}
          type="search"
          className="place-search__input"
          value={query}
          placeholder={t('resident17.search.placeholder')}
          autoComplete="off"
          aria-describedby={resultsId}
          onChange={(event) => {
            setQuery(event.target.value);
            setChosen(null);
          }}
        />
        <button type="submit" className="button button--primary place-search__go">
          {t('resident17.search.go')}
        </button>
      </form>
      <LocateMe />
      <div id={resultsId} className="place-search__results" role="status">
        {searching ? (
          found.length === 0 ? (
            <p className="place-search__none">{t('resident17.search.noMatch', { query: query.trim() })}</p>
          ) : (
            <ul aria-label={t('resident17.search.results', { count: found.length })}>
              {found.map((place) => (
                <li key={`${place.kind}:${place.id}`}>
                  <button type="button" className="place-search__result" onClick={() => choose(place)}>
                    <span>{place.name}</span>
                    <span className="place-search__kind">{t(`resident17.search.kind.${place.kind}`)}</span>
                  </button>
                </li>
              ))}
            </ul>
          )
        ) : null}
      </div>
    </div>
  );
}
