import { defineErrors } from '../../errors.ts';

export const ProcedureErrors = defineErrors({
  PROCEDURE_CODE_TAKEN: {
    status: 409,
    vi: 'Mã thủ tục {code} đã tồn tại.',
    en: 'Procedure code {code} already exists.',
  },
  PROCEDURE_INVALID: { status: 422, vi: 'Thủ tục không hợp lệ: {detail}.', en: 'Invalid procedure: {detail}.' },
  PROCEDURE_IMPORT_INVALID: {
    status: 422,
    vi: 'Tệp nhập thủ tục có {count} lỗi; không có dòng nào được nhập.',
    en: 'The procedure file has {count} errors; nothing was imported.',
  },
});
