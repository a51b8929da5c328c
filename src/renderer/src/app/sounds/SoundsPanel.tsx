/**
 * Settings › This till › Sounds: the counter's sounds on or off and their volume, for this device
 * only, with a button to hear them.
 */
import { Button, Card, Field, Switch } from '../../ui';
import { playSound, setSoundSettings, useSoundSettings } from './player';
import './sounds.css';

export function SoundsPanel() {
  const settings = useSoundSettings();
  return (
    <Card title="Sounds" description="Saved on this device only.">
      <div className="sounds-panel">
        <Switch
          label="Play sounds"
          checked={settings.enabled}
          onCheckedChange={(enabled) => setSoundSettings({ ...settings, enabled })}
          hint="A chime when a payment goes through, a low tone when one is declined, three pings when the payment needs you."
        />
        <Field label="Volume" hint={`${settings.volume}%`}>
          {({ controlId, describedBy }) => (
            <input
              id={controlId}
              aria-describedby={describedBy}
              className="sounds-panel__volume"
              type="range"
              min={0}
              max={100}
              step={5}
              value={settings.volume}
              disabled={!settings.enabled}
              onChange={(event) => setSoundSettings({ ...settings, volume: Number(event.target.value) })}
            />
          )}
        </Field>
        <div className="sounds-panel__tests">
          <Button disabled={!settings.enabled} onClick={() => playSound('paid', settings)}>
            Hear “paid”
          </Button>
          <Button disabled={!settings.enabled} onClick={() => playSound('declined', settings)}>
            Hear “declined”
          </Button>
          <Button disabled={!settings.enabled} onClick={() => playSound('attention', settings)}>
            Hear “needs you”
          </Button>
        </div>
      </div>
    </Card>
  );
}
