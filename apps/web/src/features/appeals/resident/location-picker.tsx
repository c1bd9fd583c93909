import { useEffect, useRef, useState } from 'react';
import { useI18n } from '../../../shared/i18n';
import type { ReportedPoint } from './report-state';

/** What the phone is asked for: a coarse fix is enough to find the same matter within ~100 m, and quick. */
export const GEO_OPTIONS: PositionOptions = { enableHighAccuracy: false, timeout: 10_000, maximumAge: 60_000 };

type Failure = 'denied' | 'unavailable' | 'timeout' | 'unsupported';

/** Above this the fix is a cell tower's guess: still sent, but the resident is told it is rough. */
const ROUGH_METRES = 200;

function failureOf(err: GeolocationPositionError | null): Failure {
  if (!err) return 'unsupported';
  if (err.code === err.PERMISSION_DENIED) return 'denied';
  if (err.code === err.TIMEOUT) return 'timeout';
  return 'unavailable';
}

/**
 * "📍 Use where I am now": optional, one tap, never in the way. The phone's location is asked once per tap
 * (the browser asks the resident's permission the first time); refusal, no fix or a timeout only say so in
 * plain words — the report goes on without a point.
 */
export function LocationPicker({ value, onChange }: { value: ReportedPoint | null; onChange: (p: ReportedPoint | null) => void }) {
  const { t } = useI18n();
  const [asking, setAsking] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  // A tap on "remove" (or leaving the screen) while the phone is still looking makes its late answer void.
  const ask = useRef(0);
  useEffect(() => () => void (ask.current += 1), []);

  const locate = () => {
    setFailure(null);
    const geo = typeof navigator !== 'undefined' ? navigator.geolocation : undefined;
    if (!geo) {
      setFailure('unsupported');
      return;
    }
    const mine = ++ask.current;
    setAsking(true);
    try {
      geo.getCurrentPosition(
        (pos) => {
          if (mine !== ask.current) return;
          setAsking(false);
          onChange({ lat: pos.coords.latitude, lng: pos.coords.longitude, accuracy: Math.max(1, Math.round(pos.coords.accuracy || 0)) });
        },
        (err) => {
          if (mine !== ask.current) return;
          setAsking(false);
          setFailure(failureOf(err));
        },
        GEO_OPTIONS,
      );
    } catch {
      setAsking(false);
      setFailure('unsupported');
    }
  };

  const remove = () => {
    ask.current += 1;
    setAsking(false);
    setFailure(null);
    onChange(null);
  };

  const failureText: Record<Failure, string> = {
    denied: t('没有得到位置权限。不用位置也可以提交；如需使用，请在手机设置里允许浏览器获取位置。', 'Location was not allowed. You can send the report without it; to use it, allow location for the browser in your phone’s settings.'),
    unavailable: t('手机暂时确定不了位置。不用位置也可以提交。', 'The phone cannot tell where you are right now. You can send the report without it.'),
    timeout: t('找位置用的时间太长了。可以再试一次，不用位置也可以提交。', 'Finding your location took too long. Try again, or send the report without it.'),
    unsupported: t('这个浏览器不能提供位置。不用位置也可以提交。', 'This browser cannot give your location. You can send the report without it.'),
  };

  return (
    <section className="ra-geo" aria-labelledby="ra-geo-title" data-testid="ra-geo">
      <h2 id="ra-geo-title" className="ra-label ra-label-small" style={{ margin: '0 0 6px' }}>
        {t('现在的位置（可不用）', 'Where you are now (optional)')}
      </h2>
      {value ? (
        <>
          <p className="ra-ok" role="status" data-testid="ra-geo-recorded">
            <span aria-hidden="true">📍 </span>
            {t(`已记录位置（约 ${value.accuracy} 米精度）`, `Location recorded (accurate to about ${value.accuracy} m)`)}
            {value.accuracy > ROUGH_METRES && (
              <span className="ra-choice-sub" style={{ color: 'inherit' }}>
                {t('位置比较粗略，仅作参考。', 'The location is rough; it is only a hint.')}
              </span>
            )}
          </p>
          <button type="button" className="r-btn r-secondary" style={{ marginTop: 0 }} onClick={remove} data-testid="ra-geo-remove">
            {t('不用位置', 'Remove the location')}
          </button>
        </>
      ) : (
        <button type="button" className="ra-choice" onClick={locate} disabled={asking} aria-busy={asking} data-testid="ra-geo-use">
          <span aria-hidden="true">📍 </span>
          {asking ? t('正在获取位置…', 'Finding where you are…') : t('使用我现在的位置', 'Use where I am now')}
        </button>
      )}
      {failure && !value && (
        <p className="ra-geo-note" role="status" data-testid="ra-geo-failure" data-failure={failure}>
          {failureText[failure]}
        </p>
      )}
      <p className="r-muted" style={{ margin: '8px 0 0' }}>
        {t('位置只用来查找附近是否有人反映过同一件事，工作人员可以看到。', 'Your location is only used to find the same matter reported nearby; staff can see it.')}
      </p>
    </section>
  );
}
