import type { Role } from '../../platform/auth/actor.ts';

export const DEMO_PASSWORD = 'demo1234';

/** Demo accounts, one per role (listed in the README and printed on first start). */
export const DEMO_ACCOUNTS: { login: string; fullName: string; role: Role; unitCode: string | null; title?: string }[] =
  [
    { login: 'admin@cchc.local', fullName: 'Quản trị hệ thống', role: 'admin', unitCode: 'HN', title: 'Quản trị viên' },
    {
      login: 'noivu.hn@cchc.local',
      fullName: 'Trần Thu Hà',
      role: 'reform_coordinator',
      unitCode: 'HN',
      title: 'Chuyên viên Sở Nội vụ',
    },
    {
      login: 'noivu.btl@cchc.local',
      fullName: 'Nguyễn Thị Lan',
      role: 'reform_coordinator',
      unitCode: 'HN-BTL',
      title: 'Chuyên viên Phòng Nội vụ',
    },
    {
      login: 'thamdinh.btl@cchc.local',
      fullName: 'Phạm Văn Đức',
      role: 'appraiser',
      unitCode: 'HN-BTL',
      title: 'Thành viên Hội đồng thẩm định',
    },
    {
      login: 'lanhdao.btl@cchc.local',
      fullName: 'Lê Minh Quang',
      role: 'leader',
      unitCode: 'HN-BTL',
      title: 'Phó Chủ tịch UBND quận',
    },
    {
      login: 'truongphong.qldt@cchc.local',
      fullName: 'Hoàng Văn Nam',
      role: 'unit_head',
      unitCode: 'HN-BTL-PB-QLDT',
      title: 'Trưởng phòng Quản lý đô thị',
    },
    {
      login: 'chuyenvien.qldt@cchc.local',
      fullName: 'Đỗ Thị Mai',
      role: 'specialist',
      unitCode: 'HN-BTL-PB-QLDT',
      title: 'Chuyên viên',
    },
    {
      login: 'motcua.btl@cchc.local',
      fullName: 'Vũ Thị Hạnh',
      role: 'one_stop_officer',
      unitCode: 'HN-BTL',
      title: 'Công chức Bộ phận Một cửa',
    },
    {
      login: 'motcua.thuongcat@cchc.local',
      fullName: 'Bùi Văn Tùng',
      role: 'one_stop_officer',
      unitCode: 'HN-BTL-P-TC',
      title: 'Công chức Một cửa phường Thượng Cát',
    },
    { login: '0912345678', fullName: 'Nguyễn Văn An', role: 'citizen', unitCode: null },
  ];
