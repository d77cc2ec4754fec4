import { defineErrors } from '../../http/app-error.js'

export const importErrors = defineErrors({
  JOB_NOT_FOUND: { status: 404, message: '导入任务不存在', messageEn: 'Import job not found' },
  EMPTY_UPLOAD: { status: 400, message: '上传的文件为空', messageEn: 'The uploaded file is empty' },
  JOB_NOT_FAILED: { status: 409, message: '该导入任务没有错误可下载', messageEn: 'This import job has no errors to download' },
})
