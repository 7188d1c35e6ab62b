import { chargeBrought, chargeDropped, detained, opened, verdict } from '../testing/fixtures';
import { given } from '../testing/specification';

describe('BringCharge', () => {
  it('brings a charge', () => {
    given(opened())
      .when({ type: 'BringCharge', chargeId: 'c1', code: 'criminal', article: '272', part: '2', title: undefined })
      .then({ type: 'ChargeBrought', data: { chargeId: 'c1', code: 'criminal', article: '272', part: '2' } });
  });

  it('refuses a charge id already used', () => {
    given(opened(), chargeBrought('c1'))
      .when({ type: 'BringCharge', chargeId: 'c1', code: 'administrative', article: '488' })
      .thenError('CHARGE_ALREADY_EXISTS');
  });
});

describe('RequalifyCharge', () => {
  it('requalifies an active charge', () => {
    given(opened(), chargeBrought('c1'))
      .when({ type: 'RequalifyCharge', chargeId: 'c1', article: '274', title: 'False information' })
      .then({ type: 'ChargeRequalified', data: { chargeId: 'c1', article: '274', title: 'False information' } });
  });

  it('refuses an unknown charge', () => {
    given(opened(), chargeBrought('c1'))
      .when({ type: 'RequalifyCharge', chargeId: 'c2', article: '274' })
      .thenError('CHARGE_NOT_FOUND');
  });

  it('refuses a dropped charge', () => {
    given(opened(), chargeBrought('c1'), chargeDropped('c1'))
      .when({ type: 'RequalifyCharge', chargeId: 'c1', article: '274' })
      .thenError('CHARGE_NOT_ACTIVE');
  });

  it('refuses a charge whose bringing was retracted', () => {
    given(opened(), chargeBrought('c1'), { type: 'FactRetracted', data: { eventId: 'e2', reason: 'other case' } })
      .when({ type: 'RequalifyCharge', chargeId: 'c1', article: '274' })
      .thenError('CHARGE_NOT_FOUND');
  });
});

describe('DropCharge', () => {
  it('drops an active charge', () => {
    given(opened(), chargeBrought('c1'))
      .when({ type: 'DropCharge', chargeId: 'c1', reason: 'no corpus delicti' })
      .then({ type: 'ChargeDropped', data: { chargeId: 'c1', reason: 'no corpus delicti' } });
  });

  it('refuses an unknown charge', () => {
    given(opened()).when({ type: 'DropCharge', chargeId: 'c1', reason: 'x' }).thenError('CHARGE_NOT_FOUND');
  });

  it('refuses a charge already dropped', () => {
    given(opened(), chargeBrought('c1'), chargeDropped('c1'))
      .when({ type: 'DropCharge', chargeId: 'c1', reason: 'x' })
      .thenError('CHARGE_NOT_ACTIVE');
  });
});

describe('ImposeAdministrativeSanction', () => {
  it('imposes an arrest of N days', () => {
    given(opened(), detained())
      .when({ type: 'ImposeAdministrativeSanction', kind: 'arrest', days: 15 })
      .then({ type: 'AdministrativeSanctionImposed', data: { kind: 'arrest', days: 15 } });
  });

  it('imposes a fine, omitting absent days', () => {
    given(opened())
      .when({ type: 'ImposeAdministrativeSanction', kind: 'fine', days: undefined, amount: 150000, currency: 'KZT' })
      .then({ type: 'AdministrativeSanctionImposed', data: { kind: 'fine', amount: 150000, currency: 'KZT' } });
  });
});

describe('DeliverVerdict', () => {
  it('delivers a verdict with a sentence', () => {
    given(opened(), chargeBrought())
      .when({ type: 'DeliverVerdict', outcome: 'convicted', sentence: { kind: 'imprisonment', months: 84 } })
      .then({
        type: 'VerdictDelivered',
        data: { outcome: 'convicted', sentence: { kind: 'imprisonment', months: 84 } },
      });
  });

  it('omits an absent sentence and absent months', () => {
    given(opened())
      .when({ type: 'DeliverVerdict', outcome: 'convicted', sentence: { kind: 'fine', months: undefined } })
      .then({ type: 'VerdictDelivered', data: { outcome: 'convicted', sentence: { kind: 'fine' } } });
    given(opened())
      .when({ type: 'DeliverVerdict', outcome: 'acquitted', sentence: undefined })
      .then({
        type: 'VerdictDelivered',
        data: { outcome: 'acquitted' },
      });
  });

  it('refuses a second verdict', () => {
    given(opened(), verdict({ outcome: 'acquitted' }))
      .when({ type: 'DeliverVerdict', outcome: 'convicted' })
      .thenError('VERDICT_ALREADY_DELIVERED');
  });

  it('accepts a verdict again once the first was retracted', () => {
    given(opened(), verdict({ outcome: 'acquitted' }), {
      type: 'FactRetracted',
      data: { eventId: 'e2', reason: 'typo' },
    })
      .when({ type: 'DeliverVerdict', outcome: 'convicted' })
      .then({ type: 'VerdictDelivered', data: { outcome: 'convicted' } });
  });
});
