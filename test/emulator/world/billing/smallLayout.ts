// The hand-made part of the world, present at every scale: one account of each agreement type in
// the home tenant, a second tenant with its own MCA account, and a third tenant whose caller has
// RBAC on its subscriptions but no billing role (billing lists answer `[]` there). One of those
// subscriptions was bought through a CSP partner: it sits on the partner's Microsoft Partner
// Agreement, whose directory the caller cannot reach (a customer never sees its partner's account).
import type { WorldTenant } from '../types';
import type { StructureBuilder } from './structureBuilder';

export function buildSmallLayout(b: StructureBuilder, [contoso, fabrikam, woodgrove]: WorldTenant[], partner: WorldTenant): void {
  b.mca({
    key: 'contoso-mca',
    tenant: contoso,
    displayName: 'Contoso Ltd',
    companyName: 'Contoso Ltd',
    nameDate: '2019-05-31',
    hasCommitment: true,
    profiles: [
      {
        displayName: 'Contoso Operations',
        currency: 'USD',
        invoiceDay: 5,
        creditPlan: 'rich',
        sections: [
          { displayName: 'Platform Engineering', labels: { pcCode: 'A123456', costCategory: 'Engineering' }, subscriptions: [
            { displayName: 'Contoso Platform Prod', offerId: 'MS-AZR-0017G' },
            { displayName: 'Contoso Platform Dev', offerId: 'MS-AZR-0148G' },
          ] },
          { displayName: 'Data & Analytics', labels: { pcCode: 'B234567', costCategory: 'Analytics' }, subscriptions: [
            { displayName: 'Contoso Analytics Prod', offerId: 'MS-AZR-0017G' },
            { displayName: 'Contoso Analytics Sandbox', offerId: 'MS-AZR-0148G', createdMonthsAgo: 5 },
          ] },
          { displayName: 'Customer Web', labels: { pcCode: 'C345678', costCategory: 'Marketing' }, subscriptions: [
            { displayName: 'Contoso Web Prod', offerId: 'MS-AZR-0017G' },
            { displayName: 'Contoso Web Staging', offerId: 'MS-AZR-0017G' },
          ] },
        ],
      },
      {
        displayName: 'Contoso Europe',
        currency: 'EUR',
        invoiceDay: 3,
        creditPlan: 'simple',
        hasOverdueInvoice: true,
        sections: [
          { displayName: 'EU Operations', labels: { pcCode: 'D456789', costCategory: 'Operations' }, subscriptions: [
            { displayName: 'Contoso EU Prod', offerId: 'MS-AZR-0017G' },
            { displayName: 'Contoso EU Dev', offerId: 'MS-AZR-0148G' },
          ] },
          { displayName: 'EU Research', subscriptions: [
            { displayName: 'Contoso Research', offerId: 'MS-AZR-0017G' },
            { displayName: 'Contoso Research Archive', offerId: 'MS-AZR-0017G', state: 'Disabled', createdMonthsAgo: 26 },
          ] },
        ],
      },
    ],
  });

  b.ea({
    key: 'contoso-ea',
    tenant: contoso,
    displayName: 'Contoso Enterprise Enrollment',
    companyName: 'Contoso Ltd',
    currency: 'USD',
    createdMonthsAgo: 34,
    departments: [
      { displayName: 'Engineering', costCenter: 'CC-100', accounts: [
        { owner: 'eng-owner@contoso.onmicrosoft.com', subscriptions: [
          { displayName: 'EA Engineering Prod', offerId: 'MS-AZR-0017P' },
          { displayName: 'EA Engineering DevTest', offerId: 'MS-AZR-0148P' },
        ] },
        { owner: 'research-owner@contoso.onmicrosoft.com', subscriptions: [
          { displayName: 'EA Research Compute', offerId: 'MS-AZR-0017P' },
          { displayName: 'EA Research DevTest', offerId: 'MS-AZR-0148P', createdMonthsAgo: 7 },
        ] },
      ] },
      { displayName: 'Finance', costCenter: 'CC-200', accounts: [
        { owner: 'finance-owner@contoso.onmicrosoft.com', subscriptions: [{ displayName: 'EA Finance Reporting', offerId: 'MS-AZR-0017P' }] },
      ] },
      { displayName: 'Marketing', costCenter: 'CC-300', accounts: [
        { owner: 'marketing-owner@contoso.onmicrosoft.com', subscriptions: [{ displayName: 'EA Marketing Sites', offerId: 'MS-AZR-0017P' }] },
      ] },
    ],
  });

  b.mosp({
    key: 'contoso-mosp',
    tenant: contoso,
    displayName: 'Contoso Pay-As-You-Go',
    companyName: 'Contoso Ltd',
    currency: 'USD',
    subscriptions: [
      { displayName: 'Pay-As-You-Go', offerId: 'MS-AZR-0003P' },
      { displayName: 'Pay-As-You-Go Tools', offerId: 'MS-AZR-0003P', state: 'PastDue' },
      { displayName: 'Pay-As-You-Go Dev/Test', offerId: 'MS-AZR-0023P' },
      { displayName: 'Visual Studio Enterprise', offerId: 'MS-AZR-0063P' },
    ],
  });

  b.mca({
    key: 'fabrikam-mca',
    tenant: fabrikam,
    displayName: 'Fabrikam Labs',
    companyName: 'Fabrikam Labs Ltd',
    createdMonthsAgo: 24,
    profiles: [
      { displayName: 'Fabrikam Labs Billing', currency: 'GBP', invoiceDay: 9, creditPlan: 'none', sections: [
        { displayName: 'Labs', subscriptions: [
          { displayName: 'Fabrikam Labs Prod', offerId: 'MS-AZR-0017G' },
          { displayName: 'Fabrikam Labs Experiments', offerId: 'MS-AZR-0148G' },
        ] },
      ] },
    ],
  });

  b.mosp({
    key: 'woodgrove-mosp',
    tenant: woodgrove,
    displayName: 'Woodgrove Bank',
    companyName: 'Woodgrove Bank',
    currency: 'USD',
    subscriptions: [
      { displayName: 'Woodgrove Payments', offerId: 'MS-AZR-0003P' },
      { displayName: 'Woodgrove Dev/Test', offerId: 'MS-AZR-0023P' },
    ],
  });

  b.mpa({
    key: 'tailspin-mpa',
    tenant: partner,
    displayName: 'Tailspin Cloud Partners',
    companyName: 'Tailspin Cloud Partners Inc.',
    currency: 'USD',
    createdMonthsAgo: 40,
    customers: [
      { displayName: 'Woodgrove Bank', tenant: woodgrove, subscriptions: [{ displayName: 'Woodgrove Analytics (CSP)', offerId: 'MS-AZR-0145P', createdMonthsAgo: 16 }] },
    ],
  });
}
