/** Dossier files use the platform's file store (local disk or S3-compatible, by configuration). */
export {
  FileMissingError,
  type FileStore,
  fileStoreFor,
  localFileStore,
} from '../../../platform/storage/file-store.ts';
