import type { ProcedureInput } from '../procedures.schemas.ts';

/**
 * Real procedures for the demo. Facts marked [?] are from memory and not checked against the
 * national procedure database (csdl.dichvucong.gov.vn): procedure codes, fees, and Hà Nội's fee
 * resolutions in particular. The legal bases and time limits are the commonly published ones.
 */
const PDF_IMG = ['pdf', 'jpeg', 'png'] as const;

export const BUILDING_PERMIT_CODE = '1.009994'; // [?] mã TTHC of the 2021 catalogue (cấp huyện)

export const DEMO_PROCEDURES: ProcedureInput[] = [
  {
    code: BUILDING_PERMIT_CODE,
    name: 'Cấp giấy phép xây dựng mới đối với nhà ở riêng lẻ',
    field: 'Hoạt động xây dựng',
    level: 'district',
    // Hà Nội's 2023 model: filed online at the ward, processed by the district (Phòng QLĐT).
    receivingKinds: ['ward', 'district'],
    processingDays: 15, // Luật Xây dựng 2014 art. 102 (sđ 2020): 15 days for individual houses
    fees: [
      {
        name: 'Lệ phí cấp giấy phép xây dựng nhà ở riêng lẻ',
        amount: 75_000,
        note: '[?] mức thu tại Hà Nội theo nghị quyết HĐND thành phố',
      },
    ],
    components: [
      {
        key: 'don_de_nghi',
        name: 'Đơn đề nghị cấp giấy phép xây dựng (Mẫu số 01 Phụ lục II NĐ 15/2021/NĐ-CP)',
        form: 'original',
        count: 1,
        mandatory: true,
        fileTypes: ['pdf', 'docx'],
      },
      {
        key: 'giay_to_dat',
        name: 'Giấy tờ chứng minh quyền sử dụng đất',
        form: 'certified_copy',
        count: 1,
        mandatory: true,
        fileTypes: [...PDF_IMG],
      },
      {
        key: 'ban_ve',
        name: 'Bản vẽ thiết kế xây dựng (mặt bằng, mặt cắt, mặt đứng, móng, đấu nối)',
        form: 'original',
        count: 2,
        mandatory: true,
        fileTypes: ['pdf'],
      },
      {
        key: 'cam_ket_an_toan',
        name: 'Bản cam kết bảo đảm an toàn đối với công trình liền kề (khi có)',
        form: 'original',
        count: 1,
        mandatory: false,
        fileTypes: ['pdf', 'jpeg', 'png', 'docx'],
      },
    ],
    onlineLevel: 'full', // [?] offered as toàn trình on the Hà Nội portal in 2023
    legalBasis: [
      'Luật Xây dựng số 50/2014/QH13, sửa đổi, bổ sung bởi Luật số 62/2020/QH14',
      'Nghị định 15/2021/NĐ-CP ngày 03/3/2021 quy định chi tiết một số nội dung về quản lý dự án đầu tư xây dựng',
      'Nghị định 61/2018/NĐ-CP và 107/2021/NĐ-CP về thực hiện cơ chế một cửa, một cửa liên thông',
    ],
    workflow: [
      {
        key: 'receive',
        name: 'Tiếp nhận hồ sơ tại Bộ phận Một cửa phường',
        role: 'one_stop_officer',
        unit: 'receiving',
        days: 1,
      },
      {
        key: 'review',
        name: 'Thẩm định hồ sơ, kiểm tra thực địa (chuyên viên Phòng QLĐT)',
        role: 'specialist',
        unit: 'dept:QLDT',
        days: 10,
      },
      { key: 'head', name: 'Trưởng phòng QLĐT xem xét, trình ký', role: 'unit_head', unit: 'dept:QLDT', days: 2 },
      { key: 'sign', name: 'Lãnh đạo UBND quận ký giấy phép', role: 'leader', unit: 'district', days: 1 },
      { key: 'return', name: 'Trả kết quả tại Bộ phận Một cửa', role: 'one_stop_officer', unit: 'receiving', days: 1 },
    ],
    resultName: 'Giấy phép xây dựng',
    validFrom: '2021-03-03',
    validTo: null,
  },
  {
    code: '2.000815', // [?]
    name: 'Chứng thực bản sao từ bản chính giấy tờ, văn bản do cơ quan có thẩm quyền của Việt Nam cấp hoặc chứng nhận',
    field: 'Chứng thực',
    level: 'ward',
    receivingKinds: ['ward', 'commune'],
    processingDays: 0, // trong ngày; nhận sau 15 giờ thì trả trong ngày làm việc tiếp theo (NĐ 23/2015 art. 7)
    fees: [
      {
        name: 'Phí chứng thực bản sao',
        amount: 2_000,
        note: 'đồng/trang; từ trang thứ ba 1.000 đồng/trang, tối đa 200.000 đồng/bản (TT 226/2016/TT-BTC)',
      },
    ],
    components: [
      {
        key: 'ban_chinh',
        name: 'Bản chính giấy tờ, văn bản cần chứng thực',
        form: 'original',
        count: 1,
        mandatory: true,
        fileTypes: [...PDF_IMG],
      },
      {
        key: 'ban_sao',
        name: 'Bản sao cần chứng thực',
        form: 'copy',
        count: 1,
        mandatory: true,
        fileTypes: [...PDF_IMG],
      },
    ],
    onlineLevel: 'partial',
    legalBasis: [
      'Nghị định 23/2015/NĐ-CP về cấp bản sao từ sổ gốc, chứng thực bản sao từ bản chính, chứng thực chữ ký',
      'Thông tư 226/2016/TT-BTC',
    ],
    workflow: [
      { key: 'receive', name: 'Tiếp nhận hồ sơ', role: 'one_stop_officer', unit: 'receiving', days: 0 },
      { key: 'sign', name: 'Người có thẩm quyền ký chứng thực', role: 'leader', unit: 'receiving', days: 0 },
      { key: 'return', name: 'Trả kết quả', role: 'one_stop_officer', unit: 'receiving', days: 0 },
    ],
    resultName: 'Bản sao được chứng thực',
    validFrom: '2015-04-10',
    validTo: null,
  },
  {
    code: '1.001193', // [?]
    name: 'Đăng ký khai sinh',
    field: 'Hộ tịch',
    level: 'ward',
    receivingKinds: ['ward', 'commune'],
    processingDays: 0, // ngay trong ngày (Luật Hộ tịch 2014 art. 16)
    fees: [{ name: 'Lệ phí đăng ký khai sinh đúng hạn', amount: 0, note: 'miễn lệ phí (Luật Hộ tịch art. 11)' }],
    components: [
      {
        key: 'to_khai',
        name: 'Tờ khai đăng ký khai sinh',
        form: 'original',
        count: 1,
        mandatory: true,
        fileTypes: ['pdf', 'docx', 'jpeg', 'png'],
      },
      {
        key: 'giay_chung_sinh',
        name: 'Giấy chứng sinh',
        form: 'original',
        count: 1,
        mandatory: true,
        fileTypes: [...PDF_IMG],
      },
    ],
    onlineLevel: 'full',
    legalBasis: ['Luật Hộ tịch số 60/2014/QH13', 'Nghị định 123/2015/NĐ-CP', 'Thông tư 04/2020/TT-BTP'],
    workflow: [
      { key: 'receive', name: 'Tiếp nhận hồ sơ', role: 'one_stop_officer', unit: 'receiving', days: 0 },
      {
        key: 'process',
        name: 'Công chức tư pháp - hộ tịch kiểm tra, ghi sổ',
        role: 'specialist',
        unit: 'receiving',
        days: 0,
      },
      { key: 'sign', name: 'Chủ tịch UBND phường ký giấy khai sinh', role: 'leader', unit: 'receiving', days: 0 },
      { key: 'return', name: 'Trả kết quả', role: 'one_stop_officer', unit: 'receiving', days: 0 },
    ],
    resultName: 'Giấy khai sinh',
    validFrom: '2016-01-01',
    validTo: null,
  },
  {
    code: '1.004873', // [?]
    name: 'Cấp Giấy xác nhận tình trạng hôn nhân',
    field: 'Hộ tịch',
    level: 'ward',
    receivingKinds: ['ward', 'commune'],
    processingDays: 3, // NĐ 123/2015 art. 22: 03 ngày làm việc
    fees: [
      {
        name: 'Lệ phí',
        amount: 3_000,
        note: '[?] mức thu tại Hà Nội; được miễn khi nộp trực tuyến theo chính sách từng thời kỳ',
      },
    ],
    components: [
      {
        key: 'to_khai',
        name: 'Tờ khai cấp Giấy xác nhận tình trạng hôn nhân',
        form: 'original',
        count: 1,
        mandatory: true,
        fileTypes: ['pdf', 'docx', 'jpeg', 'png'],
      },
      {
        key: 'giay_to_ly_hon',
        name: 'Giấy tờ chứng minh đã ly hôn hoặc vợ/chồng đã chết (nếu có)',
        form: 'copy',
        count: 1,
        mandatory: false,
        fileTypes: [...PDF_IMG],
      },
    ],
    onlineLevel: 'full',
    legalBasis: ['Luật Hộ tịch số 60/2014/QH13', 'Nghị định 123/2015/NĐ-CP, art. 21–23'],
    workflow: [
      { key: 'receive', name: 'Tiếp nhận hồ sơ', role: 'one_stop_officer', unit: 'receiving', days: 0 },
      { key: 'process', name: 'Công chức tư pháp - hộ tịch xác minh', role: 'specialist', unit: 'receiving', days: 2 },
      { key: 'sign', name: 'Chủ tịch UBND phường ký', role: 'leader', unit: 'receiving', days: 1 },
      { key: 'return', name: 'Trả kết quả', role: 'one_stop_officer', unit: 'receiving', days: 0 },
    ],
    resultName: 'Giấy xác nhận tình trạng hôn nhân',
    validFrom: '2016-01-01',
    validTo: null,
  },
  {
    code: '1.000894', // [?]
    name: 'Đăng ký kết hôn',
    field: 'Hộ tịch',
    level: 'ward',
    receivingKinds: ['ward', 'commune'],
    processingDays: 0, // ngay sau khi nhận đủ giấy tờ; cần xác minh thì không quá 05 ngày làm việc (Luật Hộ tịch art. 18)
    fees: [
      {
        name: 'Lệ phí đăng ký kết hôn',
        amount: 0,
        note: 'miễn lệ phí cho công dân Việt Nam cư trú trong nước (TT 85/2019/TT-BTC)',
      },
    ],
    components: [
      {
        key: 'to_khai',
        name: 'Tờ khai đăng ký kết hôn',
        form: 'original',
        count: 1,
        mandatory: true,
        fileTypes: ['pdf', 'docx', 'jpeg', 'png'],
      },
      {
        key: 'xac_nhan_hon_nhan',
        name: 'Giấy xác nhận tình trạng hôn nhân (khi đăng ký tại nơi không thường trú)',
        form: 'original',
        count: 1,
        mandatory: false,
        fileTypes: [...PDF_IMG],
      },
    ],
    onlineLevel: 'partial', // both parties must attend to sign the register
    legalBasis: [
      'Luật Hôn nhân và gia đình số 52/2014/QH13',
      'Luật Hộ tịch số 60/2014/QH13, art. 17–18',
      'Nghị định 123/2015/NĐ-CP',
    ],
    workflow: [
      { key: 'receive', name: 'Tiếp nhận hồ sơ', role: 'one_stop_officer', unit: 'receiving', days: 0 },
      { key: 'process', name: 'Công chức tư pháp - hộ tịch kiểm tra', role: 'specialist', unit: 'receiving', days: 0 },
      {
        key: 'sign',
        name: 'Chủ tịch UBND phường ký giấy chứng nhận kết hôn',
        role: 'leader',
        unit: 'receiving',
        days: 0,
      },
      { key: 'return', name: 'Trao giấy chứng nhận kết hôn', role: 'one_stop_officer', unit: 'receiving', days: 0 },
    ],
    resultName: 'Giấy chứng nhận kết hôn',
    validFrom: '2016-01-01',
    validTo: null,
  },
];

/**
 * District-level procedures of the other departments, so that every department that settles
 * procedures has dossiers in the demo. Names follow the published catalogue; codes, fees and
 * the step split are [?] (not checked against csdl.dichvucong.gov.vn).
 */
const districtProcedure = (
  code: string,
  name: string,
  field: string,
  dept: string,
  days: number,
  fee: number,
  resultName: string,
  legal: string,
): ProcedureInput => ({
  code,
  name,
  field,
  level: 'district',
  receivingKinds: ['district'],
  processingDays: days,
  fees: fee ? [{ name: 'Phí, lệ phí', amount: fee, note: '[?]' }] : [],
  components: [
    {
      key: 'don',
      name: 'Đơn / tờ khai theo mẫu',
      form: 'original',
      count: 1,
      mandatory: true,
      fileTypes: ['pdf', 'docx', 'jpeg', 'png'],
    },
    {
      key: 'giay_to_kem_theo',
      name: 'Giấy tờ kèm theo theo quy định',
      form: 'copy',
      count: 1,
      mandatory: false,
      fileTypes: ['pdf', 'jpeg', 'png'],
    },
  ],
  onlineLevel: 'partial',
  legalBasis: [legal],
  workflow: [
    {
      key: 'receive',
      name: 'Tiếp nhận tại Bộ phận Một cửa quận',
      role: 'one_stop_officer',
      unit: 'receiving',
      days: 0,
    },
    {
      key: 'review',
      name: 'Chuyên viên phòng chuyên môn thẩm định',
      role: 'specialist',
      unit: `dept:${dept}`,
      days: Math.max(0, days - 3),
    },
    {
      key: 'head',
      name: 'Trưởng phòng xem xét, trình ký',
      role: 'unit_head',
      unit: `dept:${dept}`,
      days: days >= 3 ? 1 : 0,
    },
    { key: 'sign', name: 'Lãnh đạo UBND quận ký', role: 'leader', unit: 'district', days: days >= 3 ? 1 : 0 },
    { key: 'return', name: 'Trả kết quả', role: 'one_stop_officer', unit: 'receiving', days: days >= 3 ? 1 : 0 },
  ],
  resultName,
  validFrom: '2021-01-01',
  validTo: null,
});

export const DISTRICT_PROCEDURES: ProcedureInput[] = [
  districtProcedure(
    '1.001612',
    'Cấp giấy chứng nhận đăng ký hộ kinh doanh',
    'Thành lập và hoạt động của hộ kinh doanh',
    'TCKH',
    3,
    100_000,
    'Giấy chứng nhận đăng ký hộ kinh doanh',
    'Nghị định 01/2021/NĐ-CP về đăng ký doanh nghiệp',
  ),
  districtProcedure(
    '1.000105',
    'Đăng ký khai sinh có yếu tố nước ngoài',
    'Hộ tịch',
    'TP',
    15,
    50_000,
    'Giấy khai sinh',
    'Luật Hộ tịch số 60/2014/QH13; Nghị định 123/2015/NĐ-CP',
  ),
  districtProcedure(
    '1.004227',
    'Đăng ký biến động quyền sử dụng đất, quyền sở hữu tài sản gắn liền với đất',
    'Đất đai',
    'TNMT',
    10,
    0,
    'Giấy chứng nhận đã cập nhật biến động',
    'Luật Đất đai số 45/2013/QH13; Nghị định 43/2014/NĐ-CP',
  ),
  districtProcedure(
    '1.001266',
    'Cấp Giấy chứng nhận đủ điều kiện kinh doanh dịch vụ karaoke',
    'Văn hóa',
    'VHTT',
    5,
    0,
    'Giấy phép kinh doanh dịch vụ karaoke',
    'Nghị định 54/2019/NĐ-CP',
  ),
  districtProcedure(
    '1.004443',
    'Cho phép trường mầm non, nhà trẻ hoạt động giáo dục',
    'Giáo dục và Đào tạo',
    'GDDT',
    20,
    0,
    'Quyết định cho phép hoạt động giáo dục',
    'Nghị định 46/2017/NĐ-CP; Nghị định 135/2018/NĐ-CP',
  ),
  districtProcedure(
    '1.001946',
    'Cấp Giấy chứng nhận cơ sở đủ điều kiện an toàn thực phẩm',
    'An toàn thực phẩm',
    'YT',
    20,
    500_000,
    'Giấy chứng nhận cơ sở đủ điều kiện ATTP',
    'Nghị định 15/2018/NĐ-CP',
  ),
  districtProcedure(
    '2.000286',
    'Thực hiện, điều chỉnh, thôi hưởng trợ cấp xã hội hàng tháng',
    'Bảo trợ xã hội',
    'LDTBXH',
    20,
    0,
    'Quyết định trợ cấp xã hội',
    'Nghị định 20/2021/NĐ-CP',
  ),
  districtProcedure(
    '1.003900',
    'Công nhận ban vận động thành lập hội',
    'Tổ chức phi chính phủ',
    'NV',
    15,
    0,
    'Quyết định công nhận ban vận động',
    'Nghị định 45/2010/NĐ-CP; Nghị định 33/2012/NĐ-CP',
  ),
  districtProcedure(
    '2.000908',
    'Cấp bản sao từ sổ gốc',
    'Chứng thực',
    'VP',
    1,
    8_000,
    'Bản sao từ sổ gốc',
    'Nghị định 23/2015/NĐ-CP',
  ),
  districtProcedure(
    '1.001759',
    'Cấp Giấy phép bán lẻ sản phẩm rượu',
    'Lưu thông hàng hóa trong nước',
    'KT',
    10,
    1_200_000,
    'Giấy phép bán lẻ rượu',
    'Nghị định 105/2017/NĐ-CP',
  ),
];
