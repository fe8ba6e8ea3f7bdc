import {
  ApartmentOutlined,
  AuditOutlined,
  BarChartOutlined,
  CalendarOutlined,
  ClusterOutlined,
  CommentOutlined,
  FileAddOutlined,
  FileSearchOutlined,
  FormOutlined,
  HomeOutlined,
  InboxOutlined,
  LineChartOutlined,
  SettingOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { lazy, type ReactNode } from 'react';
import type { MessageKey } from '../i18n/catalogue.ts';
import { type Role, STAFF_ROLES } from '../lib/roles.ts';

/**
 * The screens of the app. To add one: a lazy import, one entry below, and its catalogue keys in
 * i18n/vi.ts and i18n/en.ts (see web/README.md).
 */
export interface AppRoute {
  path: string;
  /** a React.lazy component, so that each feature is its own chunk */
  element: ReactNode;
  /** true: no sign-in needed; rendered in the public layout (header with language switch + sign-in) */
  public?: boolean;
  /** who may open the page (any of these roles on any unit); omitted: anyone signed in */
  roles?: readonly Role[];
  /** an entry in the left menu (signed-in layout) and a card on the home page */
  menu?: { key: string; icon: ReactNode; labelKey: MessageKey; descriptionKey?: MessageKey };
}

const RiResultsPage = lazy(() => import('../features/reform-index/ResultsPage.tsx'));
const RiUnitProfilePage = lazy(() => import('../features/reform-index/UnitProfilePage.tsx'));
const RiWorkPage = lazy(() => import('../features/reform-index/WorkPage.tsx'));
const RiFrameworkPage = lazy(() => import('../features/reform-index/FrameworkEditorPage.tsx'));
const RiPeerGroupsPage = lazy(() => import('../features/reform-index/PeerGroupsPage.tsx'));
const RiAssessmentPage = lazy(() => import('../features/reform-index/AssessmentPage.tsx'));
const HomePage = lazy(() => import('../features/home/HomePage.tsx'));
const UnitsPage = lazy(() => import('../features/units/UnitsPage.tsx'));
const PeoplePage = lazy(() => import('../features/people/PeoplePage.tsx'));
const AuditPage = lazy(() => import('../features/audit/AuditPage.tsx'));
const LoginPage = lazy(() => import('../features/auth/LoginPage.tsx'));
const RegisterPage = lazy(() => import('../features/auth/RegisterPage.tsx'));
const SubmitWizard = lazy(() => import('../features/dossiers/SubmitWizard.tsx'));
const DossierQueue = lazy(() => import('../features/dossiers/DossierQueue.tsx'));
const DossierDetail = lazy(() => import('../features/dossiers/DossierDetail.tsx'));
const DossierStats = lazy(() => import('../features/dossiers/StatsPage.tsx'));
const DossierLookup = lazy(() => import('../features/dossiers/LookupPage.tsx'));
const FeedbackPublicPage = lazy(() => import('../features/feedback/FeedbackPublicPage.tsx'));
const FeedbackInboxPage = lazy(() => import('../features/feedback/FeedbackInboxPage.tsx'));
const CalendarPage = lazy(() => import('../features/calendar/CalendarPage.tsx'));
const FeedbackStatsPage = lazy(() => import('../features/feedback/FeedbackStatsPage.tsx'));
const FeedbackTrackPage = lazy(() => import('../features/feedback/FeedbackTrackPage.tsx'));
const FeedbackIntakePage = lazy(() => import('../features/feedback/FeedbackIntakePage.tsx'));
const FeedbackSettingsPage = lazy(() => import('../features/feedback/FeedbackSettingsPage.tsx'));

export const PEOPLE_ROLES: readonly Role[] = ['admin', 'leader', 'unit_head', 'reform_coordinator'];

export const routes: AppRoute[] = [
  { path: '/home', element: <HomePage />, menu: { key: 'home', icon: <HomeOutlined />, labelKey: 'nav.home' } },
  {
    path: '/units',
    element: <UnitsPage />,
    roles: STAFF_ROLES,
    menu: { key: 'units', icon: <ApartmentOutlined />, labelKey: 'nav.units', descriptionKey: 'home.unitsText' },
  },
  {
    path: '/people',
    element: <PeoplePage />,
    roles: PEOPLE_ROLES,
    menu: { key: 'people', icon: <TeamOutlined />, labelKey: 'nav.people', descriptionKey: 'home.peopleText' },
  },
  {
    path: '/audit',
    element: <AuditPage />,
    roles: ['admin'],
    menu: { key: 'audit', icon: <AuditOutlined />, labelKey: 'nav.audit', descriptionKey: 'home.auditText' },
  },
  { path: '/login', element: <LoginPage />, public: true },
  { path: '/register', element: <RegisterPage />, public: true },
  {
    path: '/dossiers/new',
    element: <SubmitWizard />,
    menu: {
      key: 'dossiers-new',
      icon: <FileAddOutlined />,
      labelKey: 'dossiers.navSubmit',
      descriptionKey: 'dossiers.submitText',
    },
  },
  {
    path: '/dossiers',
    element: <DossierQueue />,
    menu: {
      key: 'dossiers',
      icon: <InboxOutlined />,
      labelKey: 'dossiers.navQueue',
      descriptionKey: 'dossiers.queueText',
    },
  },
  { path: '/dossiers/:id', element: <DossierDetail /> },
  {
    path: '/dossier-stats',
    element: <DossierStats />,
    roles: STAFF_ROLES,
    menu: {
      key: 'dossier-stats',
      icon: <BarChartOutlined />,
      labelKey: 'dossiers.navStats',
      descriptionKey: 'dossiers.statsText',
    },
  },
  { path: '/lookup', element: <DossierLookup />, public: true },
  { path: '/feedback', element: <FeedbackPublicPage />, public: true },
  { path: '/feedback/track', element: <FeedbackTrackPage />, public: true },
  {
    path: '/feedback/intake',
    element: <FeedbackIntakePage />,
    roles: ['one_stop_officer', 'specialist', 'unit_head', 'leader', 'admin'],
    menu: {
      key: 'feedback-intake',
      icon: <FormOutlined />,
      labelKey: 'feedbackUi.navIntake',
      descriptionKey: 'feedbackUi.intakeText',
    },
  },
  {
    path: '/feedback/settings',
    element: <FeedbackSettingsPage />,
    roles: ['admin'],
    menu: {
      key: 'feedback-settings',
      icon: <SettingOutlined />,
      labelKey: 'feedbackUi.navSettings',
      descriptionKey: 'feedbackUi.settingsText',
    },
  },
  {
    path: '/feedback/inbox',
    element: <FeedbackInboxPage />,
    roles: ['one_stop_officer', 'specialist', 'unit_head', 'leader', 'admin'],
    menu: {
      key: 'feedback-inbox',
      icon: <CommentOutlined />,
      labelKey: 'feedback.navInbox',
      descriptionKey: 'feedback.inboxText',
    },
  },
  {
    path: '/feedback/stats',
    element: <FeedbackStatsPage />,
    roles: ['one_stop_officer', 'specialist', 'unit_head', 'leader', 'admin', 'reform_coordinator'],
    menu: {
      key: 'feedback-stats',
      icon: <LineChartOutlined />,
      labelKey: 'feedback.navStats',
      descriptionKey: 'feedback.statsText',
    },
  },
  { path: '/results', element: <RiResultsPage />, public: true },
  { path: '/results/units/:unitCode', element: <RiUnitProfilePage />, public: true },
  {
    path: '/reform-index',
    element: <RiWorkPage />,
    roles: STAFF_ROLES,
    menu: {
      key: 'reform-index',
      icon: <LineChartOutlined />,
      labelKey: 'reformIndex.navWork',
      descriptionKey: 'reformIndex.workText',
    },
  },
  {
    path: '/reform-index/frameworks',
    element: <RiFrameworkPage />,
    roles: ['reform_coordinator', 'appraiser', 'leader', 'admin'],
    menu: {
      key: 'reform-index-frameworks',
      icon: <ApartmentOutlined />,
      labelKey: 'reformIndex.navFrameworks',
      descriptionKey: 'reformIndex.frameworksText',
    },
  },
  {
    path: '/reform-index/groups',
    element: <RiPeerGroupsPage />,
    roles: ['reform_coordinator', 'appraiser', 'leader', 'admin'],
    menu: {
      key: 'reform-index-groups',
      icon: <ClusterOutlined />,
      labelKey: 'reformIndex.navGroups',
      descriptionKey: 'reformIndex.groupsText',
    },
  },
  { path: '/calendar', element: <CalendarPage />, public: true },
  // the same page inside the signed-in layout, for the menu (administrators edit the schedule there)
  {
    path: '/working-calendar',
    element: <CalendarPage />,
    menu: {
      key: 'calendar',
      icon: <CalendarOutlined />,
      labelKey: 'calendar.nav',
      descriptionKey: 'calendar.homeText',
    },
  },
  { path: '/reform-index/assessments/:id', element: <RiAssessmentPage />, roles: STAFF_ROLES },
  // Other features add one line each here, e.g.
  // { path: '/dossiers', element: <DossiersPage />, roles: ['one_stop_officer'], menu: { … } },
  // { path: '/lookup', element: <DossierLookupPage />, public: true },
];

/**
 * Links on the public landing page ('/'). A link whose page does not exist yet lands on the
 * "being built" page; delete or comment out an entry to hide it.
 */
export interface PublicLink {
  to: string;
  icon: ReactNode;
  titleKey: MessageKey;
  textKey: MessageKey;
}

export const publicLinks: PublicLink[] = [
  { to: '/lookup', icon: <FileSearchOutlined />, titleKey: 'public.lookupTitle', textKey: 'public.lookupText' },
  { to: '/results', icon: <LineChartOutlined />, titleKey: 'public.resultsTitle', textKey: 'public.resultsText' },
  { to: '/feedback', icon: <CommentOutlined />, titleKey: 'public.feedbackTitle', textKey: 'public.feedbackText' },
  { to: '/calendar', icon: <CalendarOutlined />, titleKey: 'calendar.publicTitle', textKey: 'calendar.publicText' },
];
