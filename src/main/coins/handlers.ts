/** The `coins.*` handlers. */
import { TillpointError } from '../../shared/api/errors';
import { type PartialHandlerImpls } from '../kernel';
import { balanceOf, historyOf, liabilityOf } from './balances';
import {
  getPackage,
  listPackages,
  nextPackageSort,
  readCoinSettings,
  savePackageRow,
  writeCoinSettings,
  type PackageRecord,
} from './coinsStore';
import { type CoinsContext } from './context';
import { giftCoins } from './gifts';
import { bonusCoinsOf } from './packages';
import { addTopUp } from './topUp';

export function packageView(p: PackageRecord) {
  const bonus = bonusCoinsOf(p.coins, p.bonusPercent);
  return {
    id: p.id,
    name: p.name,
    coins: p.coins.toString(),
    bonusPercent: p.bonusPercent,
    bonusCoins: bonus.toString(),
    totalCoins: (p.coins + bonus).toString(),
    prices: Object.entries(p.prices).map(([currency, amount]) => ({ currency, amount: amount.toString() })),
    active: p.active,
  };
}

export function createCoinsHandlers(cc: CoinsContext): PartialHandlerImpls {
  const { db } = cc.deps;
  const settingsView = () => {
    const s = readCoinSettings(db);
    return {
      currency: cc.currency(),
      coinValueMinor: s.coinValueMinor.toString(),
      expiryMonths: s.expiryMonths,
    };
  };
  return {
    'coins.packages': (input) => ({
      packages: listPackages(db, input.all === true).map(packageView),
      settings: settingsView(),
    }),
    'coins.savePackage': (input, ctx) => {
      const staffId = ctx.staff.staffId;
      const saved = db.transaction(() => {
        const existing = input.packageId ? getPackage(db, input.packageId) : null;
        if (input.packageId && !existing) {
          throw new TillpointError('not_found', `No coin package ${input.packageId}.`, {
            packageId: input.packageId,
          });
        }
        const currencies = new Set(input.prices.map((p) => p.currency));
        if (currencies.size !== input.prices.length) {
          throw new TillpointError('bad_input', 'A package has one price per currency.', {
            reason: 'duplicate_currency',
          });
        }
        const record: PackageRecord = {
          id: existing?.id ?? cc.newId(),
          name: input.name,
          coins: BigInt(input.coins),
          bonusPercent: input.bonusPercent,
          prices: Object.fromEntries(input.prices.map((p) => [p.currency, BigInt(p.amount)])),
          active: input.active ?? existing?.active ?? true,
          sort: existing?.sort ?? nextPackageSort(db),
        };
        savePackageRow(db, record, cc.nowIso());
        cc.audit.record({
          staffId,
          action: 'coins.packageSaved',
          ref: record.id,
          details: { name: record.name },
        });
        return getPackage(db, record.id);
      })();
      if (!saved) throw new Error('The package was not saved.');
      return { package: packageView(saved) };
    },
    'coins.saveSettings': (input, ctx) => {
      const staffId = ctx.staff.staffId;
      db.transaction(() => {
        writeCoinSettings(
          db,
          { coinValueMinor: BigInt(input.coinValueMinor), expiryMonths: input.expiryMonths },
          cc.nowIso(),
        );
        cc.audit.record({ staffId, action: 'coins.settingsSaved', ref: 'coins', details: { ...input } });
      })();
      return { settings: settingsView() };
    },
    'coins.addTopUp': (input, ctx) => {
      addTopUp(cc, ctx, input);
      return { order: cc.orders().view(input.orderId) };
    },
    'coins.balance': (input) => balanceOf(cc, input.customerId),
    'coins.history': (input) => ({ entries: historyOf(cc, input.customerId) }),
    'coins.gift': (input, ctx) => {
      giftCoins(
        cc,
        {
          fromCustomerId: input.fromCustomerId,
          toCustomerId: input.toCustomerId,
          coins: BigInt(input.coins),
          kind: input.kind ?? 'gift',
          message: input.message ?? '',
        },
        ctx.staff.staffId,
      );
      return { from: balanceOf(cc, input.fromCustomerId), to: balanceOf(cc, input.toCustomerId) };
    },
    'coins.liability': () => liabilityOf(cc),
  };
}
