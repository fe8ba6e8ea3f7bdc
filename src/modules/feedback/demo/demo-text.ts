/** Deterministic demo text: places of Bắc Từ Liêm, people, and what they write about. */
export type Rng = () => number;

/** mulberry32: a small seeded generator, so the demo is the same on every start. */
export function rng(seed: number): Rng {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

const FAMILY = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi', 'Đỗ', 'Ngô', 'Dương', 'Lý'];
const MIDDLE = ['Văn', 'Thị', 'Đức', 'Minh', 'Thu', 'Quang', 'Ngọc', 'Hữu', 'Thanh'];
const GIVEN = [
  'An',
  'Bình',
  'Cường',
  'Dung',
  'Giang',
  'Hà',
  'Hải',
  'Hương',
  'Khánh',
  'Lan',
  'Long',
  'Mai',
  'Nam',
  'Phương',
  'Quân',
  'Sơn',
  'Tâm',
  'Thảo',
  'Trang',
  'Tuấn',
  'Việt',
  'Yến',
];
const STREETS = [
  'Phạm Văn Đồng',
  'Hoàng Quốc Việt',
  'Cổ Nhuế',
  'Đông Ngạc',
  'Tân Xuân',
  'Văn Tiến Dũng',
  'Đức Thắng',
  'Kỳ Vũ',
  'Phú Diễn',
  'Tây Tựu',
  'Thượng Cát',
  'Xuân Đỉnh',
  'Trần Cung',
  'Nguyễn Hoàng Tôn',
  'Liên Mạc',
  'Hồ Tùng Mậu',
];

const ASCII: Record<string, string> = { đ: 'd' };
const slug = (s: string) =>
  s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, (c) => ASCII[c.toLowerCase()] ?? 'd')
    .toLowerCase()
    .replace(/[^a-z]+/g, '');

export function reporter(r: Rng, ward: string) {
  const family = pick(r, FAMILY);
  const given = pick(r, GIVEN);
  const name = `${family} ${pick(r, MIDDLE)} ${given}`;
  return {
    name,
    address: `Số ${1 + Math.floor(r() * 120)} ngõ ${1 + Math.floor(r() * 300)} đường ${pick(r, STREETS)}, phường ${ward}, quận Bắc Từ Liêm`,
    phone: `09${String(Math.floor(r() * 1e8)).padStart(8, '0')}`,
    email: `${slug(given)}.${slug(family)}${Math.floor(r() * 90) + 10}@example.vn`,
  };
}

export interface DemoText {
  title: string;
  content: string;
  address: string;
  answer: string;
  point?: [number, number];
  dossierCode?: string;
}

const place = (r: Rng, ward: string) =>
  `ngõ ${1 + Math.floor(r() * 300)} đường ${pick(r, STREETS)}, phường ${ward}, quận Bắc Từ Liêm`;
const point = (r: Rng): [number, number] => [
  Math.round((21.05 + r() * 0.05) * 1e6) / 1e6,
  Math.round((105.73 + r() * 0.06) * 1e6) / 1e6,
];
const dossier = (r: Rng) =>
  `000.00.12.H26-23${String(1 + Math.floor(r() * 12)).padStart(2, '0')}${String(1 + Math.floor(r() * 28)).padStart(2, '0')}-${String(1 + Math.floor(r() * 9999)).padStart(4, '0')}`;

type Make = (r: Rng, ward: string) => DemoText;
const make =
  (titles: string[], bodies: string[], answers: string[], opts: { point?: boolean; dossier?: boolean } = {}): Make =>
  (r, ward) => {
    const address = place(r, ward);
    const fill = (s: string) => s.replaceAll('{place}', address).replaceAll('{ward}', ward);
    return {
      title: fill(pick(r, titles)),
      content: fill(pick(r, bodies)),
      address,
      answer: fill(pick(r, answers)),
      ...(opts.point ? { point: point(r) } : {}),
      ...(opts.dossier && r() < 0.7 ? { dossierCode: dossier(r) } : {}),
    };
  };

export const CONTENT: Record<string, Make> = {
  'thu-tuc-hanh-chinh': make(
    [
      'Thủ tục chứng thực yêu cầu giấy tờ không đúng quy định',
      'Hỏi về thời hạn giải quyết thủ tục hành chính',
      'Đề nghị niêm yết công khai thủ tục tại bộ phận một cửa',
    ],
    [
      'Khi làm thủ tục tại Bộ phận Một cửa UBND quận Bắc Từ Liêm, tôi được yêu cầu nộp thêm bản sao giấy tờ không có trong danh mục đã công bố.',
      'Hồ sơ của tôi nộp tại Bộ phận Một cửa đã quá thời hạn trên phiếu hẹn nhưng chưa nhận được kết quả, đề nghị cho biết lý do.',
      'Đề nghị quận niêm yết đầy đủ quy trình, phí, lệ phí của thủ tục tại phường {ward}.',
    ],
    [
      'UBND quận đã kiểm tra: thành phần hồ sơ thực hiện đúng theo thủ tục đã công bố; đã chấn chỉnh cán bộ yêu cầu giấy tờ ngoài quy định.',
      'Hồ sơ đã được giải quyết và trả kết quả; UBND quận đã gửi phiếu xin lỗi và hẹn lại theo quy định.',
      'Đã bổ sung niêm yết công khai thủ tục tại Bộ phận Một cửa phường {ward} và trên Cổng thông tin điện tử của quận.',
    ],
    { dossier: true },
  ),
  'hanh-vi-can-bo': make(
    ['Cán bộ tiếp dân có thái độ chưa đúng mực', 'Phản ánh cán bộ hẹn trả kết quả nhiều lần'],
    [
      'Ngày đến làm thủ tục tại phường {ward}, cán bộ tiếp nhận có thái độ thiếu tôn trọng, không hướng dẫn đầy đủ.',
      'Tôi được hẹn trả kết quả nhiều lần mà không có văn bản giải thích.',
    ],
    [
      'Phòng Nội vụ đã xác minh, yêu cầu cán bộ kiểm điểm và xin lỗi công dân; tiếp tục giám sát việc thực hiện văn hóa công vụ.',
      'Đã chấn chỉnh việc hẹn trả kết quả; cán bộ liên quan đã được nhắc nhở bằng văn bản.',
    ],
    { dossier: true },
  ),
  'dat-dai': make(
    [
      'Chậm cấp giấy chứng nhận quyền sử dụng đất',
      'Hỏi về điều kiện cấp giấy chứng nhận quyền sử dụng đất',
      'Đề nghị giải quyết hồ sơ đăng ký biến động đất đai',
    ],
    [
      'Gia đình tôi nộp hồ sơ cấp giấy chứng nhận quyền sử dụng đất tại {place} đã lâu nhưng chưa được giải quyết.',
      'Thửa đất của gia đình tại {place} sử dụng ổn định từ năm 1995, đề nghị hướng dẫn điều kiện cấp giấy chứng nhận.',
      'Hồ sơ đăng ký biến động (tặng cho) tại phường {ward} chưa được trả kết quả đúng hẹn.',
    ],
    [
      'Trưởng phòng Tài nguyên và Môi trường trả lời: hồ sơ đủ điều kiện, đã trình UBND quận ký giấy chứng nhận; công dân nhận kết quả tại Bộ phận Một cửa.',
      'Trưởng phòng trả lời: thửa đất đủ điều kiện cấp giấy chứng nhận theo Luật Đất đai; hướng dẫn công dân bổ sung xác nhận của UBND phường {ward}.',
      'Hồ sơ đã được giải quyết; Phòng TN&MT đã xin lỗi công dân vì chậm trả kết quả.',
    ],
    { dossier: true },
  ),
  'cap-phep-xay-dung': make(
    [
      'Hỏi về cấp giấy phép xây dựng nhà ở riêng lẻ',
      'Hồ sơ cấp phép xây dựng quá hạn',
      'Đề nghị hướng dẫn nộp hồ sơ cấp phép xây dựng trực tuyến tại phường',
    ],
    [
      'Tôi muốn xây nhà ở riêng lẻ tại {place}, đề nghị hướng dẫn hồ sơ xin giấy phép xây dựng.',
      'Hồ sơ xin giấy phép xây dựng nhà ở tại phường {ward} đã quá thời hạn trên phiếu hẹn.',
      'Đề nghị cho biết có thể nộp hồ sơ cấp phép xây dựng trực tuyến tại UBND phường {ward} thay vì lên quận không.',
    ],
    [
      'Trưởng phòng Quản lý đô thị trả lời: hồ sơ gồm đơn đề nghị, giấy tờ về quyền sử dụng đất và bản vẽ thiết kế; công dân có thể nộp trực tuyến tại UBND phường.',
      'Giấy phép xây dựng đã được cấp; Phòng QLĐT đã gửi văn bản xin lỗi về việc chậm trả kết quả.',
      'Từ 15/9/2023 công dân phường {ward} nộp hồ sơ cấp phép xây dựng số hóa tại UBND phường, không phải đến Bộ phận Một cửa quận.',
    ],
    { dossier: true },
  ),
  'dang-ky-kinh-doanh': make(
    ['Hỏi thủ tục đăng ký hộ kinh doanh', 'Chậm cấp giấy chứng nhận đăng ký hộ kinh doanh'],
    [
      'Tôi muốn đăng ký hộ kinh doanh tại {place}, đề nghị hướng dẫn thủ tục và lệ phí.',
      'Hồ sơ đăng ký hộ kinh doanh của tôi chưa được trả kết quả sau 3 ngày làm việc.',
    ],
    [
      'Trưởng phòng Tài chính - Kế hoạch trả lời: hồ sơ gồm giấy đề nghị đăng ký hộ kinh doanh và bản sao giấy tờ pháp lý; có thể nộp trực tuyến trên Cổng dịch vụ công.',
      'Giấy chứng nhận đăng ký hộ kinh doanh đã được cấp; phòng đã chấn chỉnh khâu tiếp nhận.',
    ],
    { dossier: true },
  ),
  'trat-tu-xay-dung': make(
    [
      'Công trình xây dựng không phép',
      'Xây dựng sai giấy phép, vượt số tầng',
      'Vật liệu xây dựng lấn chiếm lòng đường',
    ],
    [
      'Công trình tại {place} đang thi công không có biển báo giấy phép xây dựng.',
      'Nhà đang xây tại {place} xây vượt số tầng được cấp phép.',
      'Công trình tại {place} tập kết vật liệu xây dựng ra lòng đường, gây mất an toàn.',
    ],
    [
      'UBND phường {ward} đã kiểm tra, lập biên bản và đình chỉ thi công công trình vi phạm.',
      'Đội Quản lý trật tự xây dựng đô thị đã kiểm tra, yêu cầu chủ đầu tư tự tháo dỡ phần sai phép.',
      'Đã yêu cầu chủ công trình thu dọn vật liệu; xử phạt vi phạm hành chính theo quy định.',
    ],
    { point: true },
  ),
  'moi-truong': make(
    ['Rác thải tồn đọng nhiều ngày', 'Khói bụi từ xưởng sản xuất', 'Nước thải chảy tràn ra đường'],
    [
      'Rác thải tại {place} tồn đọng nhiều ngày chưa được thu gom, gây ô nhiễm.',
      'Xưởng sản xuất gần {place} thải khói bụi vào khu dân cư.',
      'Nước thải sinh hoạt chảy tràn ra mặt đường tại {place}.',
    ],
    [
      'UBND phường {ward} đã phối hợp đơn vị vệ sinh môi trường thu gom dứt điểm; tăng tần suất thu gom.',
      'Đã kiểm tra, lập biên bản cơ sở gây ô nhiễm và yêu cầu khắc phục trong 15 ngày.',
      'Đã nạo vét, khơi thông hệ thống thoát nước tại khu vực.',
    ],
    { point: true },
  ),
  'giao-thong': make(
    ['Lấn chiếm vỉa hè kinh doanh', 'Đỗ xe trái phép gây ùn tắc', 'Biển báo giao thông bị che khuất'],
    [
      'Các hộ kinh doanh tại {place} lấn chiếm toàn bộ vỉa hè, người đi bộ phải đi xuống lòng đường.',
      'Ô tô đỗ trái phép thường xuyên tại {place} gây ùn tắc giờ cao điểm.',
      'Biển báo tại {place} bị cây xanh che khuất.',
    ],
    [
      'UBND phường {ward} đã ra quân giải tỏa vỉa hè, xử phạt các trường hợp vi phạm.',
      'Đã phối hợp Công an phường xử lý các phương tiện đỗ sai quy định.',
      'Đã cắt tỉa cây xanh, đảm bảo tầm nhìn biển báo.',
    ],
    { point: true },
  ),
  'ha-tang-do-thi': make(
    ['Đèn chiếu sáng hỏng', 'Hố ga mất nắp', 'Mặt đường xuống cấp'],
    [
      'Đèn chiếu sáng tại {place} hỏng nhiều ngày.',
      'Hố ga tại {place} mất nắp, nguy hiểm cho người đi đường.',
      'Mặt đường tại {place} bong tróc, đọng nước khi mưa.',
    ],
    [
      'Phòng Quản lý đô thị đã yêu cầu đơn vị duy tu sửa chữa đèn chiếu sáng.',
      'Đã thay nắp hố ga và rào chắn khu vực.',
      'Đã đưa tuyến đường vào kế hoạch duy tu; vá sửa tạm thời mặt đường.',
    ],
    { point: true },
  ),
  khac: make(
    [
      'Kiến nghị lắp đặt thêm dụng cụ thể thao ngoài trời',
      'Đề nghị cắt tỉa cây xanh trước mùa mưa bão',
      'Kiến nghị về tiếng ồn karaoke',
    ],
    [
      'Đề nghị lắp đặt thêm dụng cụ thể thao tại vườn hoa {place}.',
      'Cây xanh tại {place} có nguy cơ gãy đổ khi mưa bão.',
      'Quán karaoke tại {place} gây ồn sau 22 giờ.',
    ],
    [
      'UBND phường {ward} ghi nhận, đưa vào kế hoạch năm sau.',
      'Đã cắt tỉa cây xanh trên tuyến phố.',
      'Đã kiểm tra, xử phạt cơ sở karaoke vi phạm quy định về tiếng ồn.',
    ],
    { point: true },
  ),
};
